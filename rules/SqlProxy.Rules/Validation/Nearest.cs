using SqlProxy.Rules.Compilation;

namespace SqlProxy.Rules.Validation;

/// <summary>Help for a misspelt name: the nearest known one, or the list of known ones when there are few.</summary>
static class Nearest
{
    const int MostListed = 8;

    /// <summary><c>did you mean `x`?</c>, else <c>{intro} `a`, `b` and `c`</c> when there are few, else null.</summary>
    public static string? Help(string word, IEnumerable<string> known, string intro)
    {
        var candidates = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // Suggestions compares in lower case; map back so that `PII.Email` is suggested as written.
        var lowered = candidates.ToLookup(candidate => candidate.ToLowerInvariant(), StringComparer.Ordinal);
        if (Suggestions.Closest(word, lowered.Select(group => group.Key)) is { } closest)
            return $"did you mean `{lowered[closest].First()}`?";
        if (candidates.Length is 0 or > MostListed)
            return null;
        return $"{intro} {List(candidates)}";
    }

    /// <summary><c>`a`</c>, <c>`a` and `b`</c>, <c>`a`, `b` and `c`</c>.</summary>
    public static string List(IReadOnlyList<string> names) => names.Count == 1
        ? $"`{names[0]}`"
        : string.Join(", ", names.Take(names.Count - 1).Select(name => $"`{name}`")) + $" and `{names[^1]}`";
}
