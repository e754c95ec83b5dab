namespace SqlProxy.Host.RuleTests;

/// <summary>"Did you mean …?" for the few keywords of test files.</summary>
internal static class Spelling
{
    /// <summary><c>did you mean `x`?</c> for the nearest keyword within two edits, else <paramref name="otherwise"/>.</summary>
    public static string Help(string word, IReadOnlyList<string> keywords, string otherwise)
    {
        var best = keywords.MinBy(keyword => Distance(word.ToLowerInvariant(), keyword));
        return best is not null && Distance(word.ToLowerInvariant(), best) <= Math.Min(2, Math.Max(1, word.Length / 3))
            ? $"did you mean `{best}`?"
            : otherwise;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
