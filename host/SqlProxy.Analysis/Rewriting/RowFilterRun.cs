namespace SqlProxy.Analysis.Rewriting;

/// <summary>One rewrite of validated SQL: read the tree, apply the filters, deparse.</summary>
internal static class RowFilterRun
{
    /// <summary>
    /// Rewrites <paramref name="sql"/>, accepting trees <paramref name="maxDepth"/> messages deep (at most the limits' depth).
    /// Returns null when the tree is deeper than <paramref name="maxDepth"/> but within the limits: the caller retries on a
    /// thread with a larger stack.
    /// </summary>
    public static string? Execute(string sql, string database, IReadOnlyList<TableFilter> filters, AnalysisLimits limits, int maxDepth)
    {
        var tree = TreeReader.TryRead(sql, limits, maxDepth, out var error, out var tooDeep);
        if (tree is null && tooDeep && maxDepth < limits.MaxDepth)
        {
            return null;
        }

        if (tree is null)
        {
            throw new RowFilterException($"the statement cannot be rewritten with row filters: {error}");
        }

        if (tree.Stmts.Count != 1)
        {
            throw new RowFilterException(tree.Stmts.Count == 0
                ? "the SQL holds no statement to rewrite with row filters (it is empty or only comments)"
                : $"row filters are applied to one statement at a time, and this SQL holds {tree.Stmts.Count}");
        }

        var lookup = FilterLookup.Create(database, filters, limits);
        if (lookup.IsEmpty)
        {
            return sql;
        }

        var applier = new FilterApplier(lookup);
        try
        {
            if (tree.Stmts[0].Stmt is { } statement)
            {
                applier.Walk(statement);
            }

            // Only a changed tree is deparsed: the original text keeps its comments and layout.
            return applier.Changed ? TreeWriter.Write(tree) : sql;
        }
        catch (InsufficientExecutionStackException)
        {
            throw new RowFilterException("the statement is nested too deeply to rewrite with row filters on this thread's stack");
        }
    }
}
