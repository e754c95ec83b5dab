using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;

namespace SqlProxy.Analysis.Walking;

/// <summary>Walks a query (SELECT, VALUES, set operation) at any depth and returns its outputs.</summary>
internal sealed class QueryWalker(WalkContext context)
{
    /// <summary>Walks a <c>SelectStmt</c>, wrapped or bare, as a new query level under <paramref name="parent"/>.</summary>
    public QueryOutput Walk(ParseNode select, QueryScope? parent)
    {
        WalkContext.EnsureStack();
        var body = ParseTree.BodyOf(select, "SelectStmt");
        var scope = new QueryScope(parent);
        if (ParseTree.TryGet(body, "withClause", out var with))
        {
            context.With.Register(with, scope);
        }

        if (IsSetOperation(body))
        {
            return WalkSetOperation(body, scope);
        }

        return ParseTree.HasItems(body, "valuesLists") ? WalkValues(body, scope) : WalkSelect(body, scope);
    }

    public static bool IsSetOperation(ParseNode body) =>
        ParseTree.String(body, "op") is { } op && op != "SETOP_NONE";

    private QueryOutput WalkSelect(ParseNode body, QueryScope scope)
    {
        context.From.Walk(ParseTree.Items(body, "fromClause"), scope);
        var output = context.Targets.Walk(ParseTree.Items(body, "targetList"), scope);
        context.Expressions.WalkField(body, "whereClause", scope);
        WalkGroupBy(body, scope, output);
        context.Expressions.WalkField(body, "havingClause", scope);
        context.Expressions.WalkField(body, "windowClause", scope);
        context.Expressions.WalkField(body, "distinctClause", scope);
        WalkSortClause(body, scope, output);
        context.Expressions.WalkField(body, "limitOffset", scope);
        context.Expressions.WalkField(body, "limitCount", scope);
        if (ParseTree.HasItems(body, "lockingClause"))
        {
            context.Note("FOR UPDATE/SHARE locks the rows it reads; reported as a read");
        }

        return output;
    }

    private QueryOutput WalkSetOperation(ParseNode body, QueryScope scope)
    {
        var left = ParseTree.TryGet(body, "larg", out var larg) ? Walk(larg, scope) : QueryOutput.None;
        var right = ParseTree.TryGet(body, "rarg", out var rarg) ? Walk(rarg, scope) : QueryOutput.None;

        // ORDER BY of a set operation may name only output columns or positions: nothing more is read.
        context.Expressions.WalkField(body, "limitOffset", scope);
        context.Expressions.WalkField(body, "limitCount", scope);
        return left.MergedPositionally(right);
    }

    private QueryOutput WalkValues(ParseNode body, QueryScope scope)
    {
        QueryOutput? output = null;
        foreach (var row in ParseTree.Items(body, "valuesLists"))
        {
            var columns = new List<OutputColumn>();
            foreach (var value in ParseTree.Items(ParseTree.BodyOf(row, "List"), "items"))
            {
                var sources = new SourceSet();
                context.Expressions.Walk(value, scope, sources);
                columns.Add(new OutputColumn($"column{columns.Count + 1}", sources.Columns));
            }

            var rowOutput = new QueryOutput(columns, []);
            output = output is null ? rowOutput : output.MergedPositionally(rowOutput);
        }

        WalkSortClause(body, scope, output ?? QueryOutput.None);
        context.Expressions.WalkField(body, "limitOffset", scope);
        context.Expressions.WalkField(body, "limitCount", scope);
        return output ?? QueryOutput.None;
    }

    /// <summary>ORDER BY prefers output column names over input columns.</summary>
    private void WalkSortClause(ParseNode body, QueryScope scope, QueryOutput output)
    {
        foreach (var sortBy in ParseTree.Items(body, "sortClause"))
        {
            if (!ParseTree.TryGet(ParseTree.BodyOf(sortBy, "SortBy"), "node", out var node))
            {
                continue;
            }

            if (ColumnResolver.SingleName(node) is { } name && output.Columns.Any(c => c.Name == name))
            {
                continue;
            }

            context.Expressions.Walk(node, scope, null);
        }
    }

    /// <summary>GROUP BY prefers input columns, and falls back to output column names.</summary>
    private void WalkGroupBy(ParseNode body, QueryScope scope, QueryOutput output)
    {
        foreach (var item in ParseTree.Items(body, "groupClause"))
        {
            if (ColumnResolver.SingleName(item) is { } name
                && !ColumnResolver.IsInScope(name, scope)
                && output.Columns.Any(c => c.Name == name))
            {
                continue;
            }

            context.Expressions.Walk(item, scope, null);
        }
    }
}
