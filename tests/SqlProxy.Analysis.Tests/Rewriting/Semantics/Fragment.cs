namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>
/// Generated SQL: a query, a FROM item or a condition. <paramref name="Monotone"/> is true when it can only lose rows
/// when tables lose rows (no EXCEPT, NOT IN/EXISTS, outer join, aggregate): then filtering can only narrow its result.
/// </summary>
/// <param name="Sql">The text.</param>
/// <param name="Monotone">Whether fewer input rows can only mean fewer output rows.</param>
/// <param name="Integers">For a FROM item: its integer columns, qualified.</param>
/// <param name="Texts">For a FROM item: its text columns, qualified.</param>
public sealed record Fragment(string Sql, bool Monotone, IReadOnlyList<string> Integers, IReadOnlyList<string> Texts)
{
    /// <summary>For a FROM item: the <c>id</c> columns of the customers tables it reads directly (not through a CTE or subquery).</summary>
    public IReadOnlyList<string> CustomerIds { get; init; } = [];

    public static Fragment Of(string sql, bool monotone) => new(sql, monotone, [], []);
}
