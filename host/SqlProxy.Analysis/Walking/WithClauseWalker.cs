using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Registers the queries of a WITH clause in a scope. Each is walked once, where it is defined,
/// so its reads count whether or not it is referenced; data-modifying ones record their writes.
/// </summary>
internal sealed class WithClauseWalker(WalkContext context)
{
    public void Register(ParseNode withClause, QueryScope scope)
    {
        var recursive = ParseTree.Bool(withClause, "recursive");
        foreach (var node in ParseTree.Items(withClause, "ctes"))
        {
            var cte = ParseTree.BodyOf(node, "CommonTableExpr");
            var definition = new CteDefinition(ParseTree.String(cte, "ctename") ?? "", ParseTree.Strings(cte, "aliascolnames"));
            ParseTree.TryGet(cte, "ctequery", out var query);
            if (recursive)
            {
                // A recursive WITH's queries see every name in it, their own included.
                scope.AddCte(definition);
                WalkRecursive(definition, query, scope);
            }
            else
            {
                definition.Define(context.Statements.WalkQueryLike(query, scope));
                scope.AddCte(definition);
            }
        }
    }

    /// <summary>
    /// <c>base UNION ALL step</c>: the base is walked first so that the step's references to the
    /// CTE resolve to the base's sources; the CTE's sources are then both branches'.
    /// </summary>
    private void WalkRecursive(CteDefinition definition, ParseNode query, QueryScope scope)
    {
        var body = ParseTree.BodyOf(query, "SelectStmt");
        if (ParseTree.TryUnwrap(query, out var type, out _) && type == "SelectStmt"
            && QueryWalker.IsSetOperation(body)
            && !ParseTree.TryGet(body, "withClause", out _)
            && ParseTree.TryGet(body, "larg", out var baseQuery)
            && ParseTree.TryGet(body, "rarg", out var step))
        {
            var baseOutput = context.Queries.Walk(baseQuery, scope);
            definition.Define(baseOutput);
            definition.Define(baseOutput.MergedPositionally(context.Queries.Walk(step, scope)));
            return;
        }

        definition.Define(context.Statements.WalkQueryLike(query, scope));
    }
}
