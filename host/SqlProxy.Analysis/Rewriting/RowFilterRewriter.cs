using System.Text;
using SqlProxy.Analysis.Native;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Merges row filters into one SQL statement through libpg_query's parse tree and deparser — never by string
/// concatenation: each read of a filtered table becomes <c>(SELECT * FROM table WHERE predicates) AS name</c>, and the
/// values of <c>$1</c>, <c>$2</c>, … become string constants in the tree.
/// </summary>
public static class RowFilterRewriter
{
    /// <summary>
    /// The deepest tree (in protobuf messages) rewritten on the caller's thread; deeper trees, when the limits allow them,
    /// are rewritten again on the large-stack thread. Google.Protobuf's parser recurses once per level with frames of up to
    /// ~7 KB in a debug build (the ~250-case Node): about 200 levels overflowed a 1.5 MB thread-pool stack. Ordinary
    /// statements are 9 to 30 levels deep.
    /// </summary>
    private const int InlineMaxDepth = 128;

    /// <summary>
    /// Rewrites <paramref name="sql"/> (exactly one statement) so every read of a filtered table sees only the rows its
    /// filters allow: FROM items in SELECTs, joins, subqueries, CTEs, and the targets of UPDATE and DELETE.
    /// </summary>
    /// <param name="sql">One statement, as the analyzer split it.</param>
    /// <param name="database">The database the statement runs in (relation names in filters carry it).</param>
    /// <param name="filters">The filters; several on one table all apply. Empty returns <paramref name="sql"/> unchanged.</param>
    /// <returns>The rewritten statement; <paramref name="sql"/> itself when no filter applies to it.</returns>
    /// <exception cref="RowFilterException">The statement or a predicate cannot be rewritten safely (the caller refuses the statement).</exception>
    public static string Rewrite(string sql, string database, IReadOnlyList<TableFilter> filters) =>
        Rewrite(sql, database, filters, AnalysisLimits.Default);

    /// <summary>Like <see cref="Rewrite(string, string, IReadOnlyList{TableFilter})"/>, within the analyzer's <paramref name="limits"/> on SQL length and depth.</summary>
    /// <param name="sql">One statement, as the analyzer split it.</param>
    /// <param name="database">The database the statement runs in.</param>
    /// <param name="filters">The filters; several on one table all apply.</param>
    /// <param name="limits">Longest SQL and deepest tree accepted (the statement and each predicate).</param>
    /// <returns>The rewritten statement; <paramref name="sql"/> itself when no filter applies to it.</returns>
    /// <exception cref="RowFilterException">The statement or a predicate cannot be rewritten safely.</exception>
    public static string Rewrite(string sql, string database, IReadOnlyList<TableFilter> filters, AnalysisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(limits);
        if (filters.Count == 0)
        {
            return sql;
        }

        PgQueryLibrary.EnsureLoaded();
        if (SqlTextValidator.Validate(sql, limits, out var utf8Length) is { } invalid)
        {
            throw new RowFilterException($"the statement cannot be rewritten with row filters: {invalid.Message}");
        }

        // Predicates are parsed, copied and deparsed with the statement, so their size counts towards the stack it needs.
        var size = utf8Length + filters.Sum(filter => filter?.Predicate is { } predicate ? Encoding.UTF8.GetByteCount(predicate) : 0);
        var inline = size <= SqlAnalyzer.InlineMaxBytes
            ? RowFilterRun.Execute(sql, database, filters, limits, Math.Min(limits.MaxDepth, InlineMaxDepth))
            : null;
        return inline ?? LargeStackThread.Run(() => RowFilterRun.Execute(sql, database, filters, limits, limits.MaxDepth)!);
    }

    /// <summary>Checks a filter predicate when rules load: it must parse as one boolean SQL expression using only <c>$1</c>…<c>$<paramref name="parameterCount"/></c>.</summary>
    /// <param name="predicate">The predicate as written in the rule (placeholders already turned into <c>$n</c>).</param>
    /// <param name="parameterCount">How many values the rule binds.</param>
    /// <returns>One sentence naming the problem (user text in backticks), or null when it is usable.</returns>
    public static string? CheckPredicate(string predicate, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        PgQueryLibrary.EnsureLoaded();
        string? error = null;
        var template = Encoding.UTF8.GetByteCount(predicate) <= SqlAnalyzer.InlineMaxBytes
            ? PredicateReader.TryRead(predicate, AnalysisLimits.Default, out error)
            : LargeStackThread.Run(() => PredicateReader.TryRead(predicate, AnalysisLimits.Default, out error));
        return template is null ? error
            : template.HighestParameter > parameterCount ? PredicateReader.MissingValues(predicate, template.HighestParameter, parameterCount)
            : null;
    }
}
