namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Merges row filters into one SQL statement through libpg_query's parse tree and deparser — never by
/// string concatenation. Stub: implemented by the row-filter work.
/// </summary>
public static class RowFilterRewriter
{
    /// <summary>
    /// Rewrites <paramref name="sql"/> (exactly one statement) so every read of a filtered table sees only the rows its
    /// filters allow: FROM items in SELECTs, joins, subqueries, CTEs, and the targets of UPDATE and DELETE.
    /// </summary>
    /// <param name="sql">One statement, as the analyzer split it.</param>
    /// <param name="database">The database the statement runs in (relation names in filters carry it).</param>
    /// <param name="filters">The filters; several on one table all apply. Empty returns <paramref name="sql"/> unchanged.</param>
    /// <returns>The rewritten statement.</returns>
    /// <exception cref="RowFilterException">The statement or a predicate cannot be rewritten safely (the caller refuses the statement).</exception>
    public static string Rewrite(string sql, string database, IReadOnlyList<TableFilter> filters) =>
        filters.Count == 0 ? sql : throw new RowFilterException("row filters are not implemented yet");

    /// <summary>Checks a filter predicate when rules load: it must parse as one boolean SQL expression using only <c>$1</c>…<c>$<paramref name="parameterCount"/></c>.</summary>
    /// <param name="predicate">The predicate as written in the rule (placeholders already turned into <c>$n</c>).</param>
    /// <param name="parameterCount">How many values the rule binds.</param>
    /// <returns>One sentence naming the problem (user text in backticks), or null when it is usable.</returns>
    public static string? CheckPredicate(string predicate, int parameterCount) => null;
}
