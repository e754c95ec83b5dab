namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>A query's result as a multiset of rows, each row its values joined with <c> | </c> (NULL as ∅).</summary>
public sealed record Rows(IReadOnlyList<string> Values)
{
    public bool SameAs(Rows other) => Values.Order(StringComparer.Ordinal).SequenceEqual(other.Values.Order(StringComparer.Ordinal));

    /// <summary>True when every row occurs in <paramref name="other"/> at least as often as here.</summary>
    public bool IsSubMultisetOf(Rows other)
    {
        var available = other.Values.CountBy(row => row).ToDictionary(pair => pair.Key, pair => pair.Value);
        return Values.All(row => available.TryGetValue(row, out var count) && (available[row] = count - 1) >= 0);
    }

    public override string ToString() => Values.Count == 0 ? "(no rows)" : string.Join(Environment.NewLine, Values.Order(StringComparer.Ordinal));
}
