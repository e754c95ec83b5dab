using System.Text.Json;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>Walks a SELECT list or RETURNING list into named output columns with their sources.</summary>
internal sealed class TargetListWalker(WalkContext context)
{
    public QueryOutput Walk(IEnumerable<ParseNode> targets, QueryScope scope)
    {
        var columns = new List<OutputColumn>();
        var open = new List<RelationName>();
        foreach (var target in targets)
        {
            var body = ParseTree.BodyOf(target, "ResTarget");
            if (!ParseTree.TryGet(body, "val", out var value))
            {
                continue;
            }

            if (IsStar(value, out var columnRef))
            {
                var expanded = context.Columns.ExpandStar(columnRef, scope);
                columns.AddRange(expanded.Columns);
                open.AddRange(expanded.OpenRelations);
                continue;
            }

            var sources = new SourceSet();
            context.Expressions.Walk(value, scope, sources);
            columns.Add(new OutputColumn(ParseTree.String(body, "name") ?? ProjectionNamer.NameOf(value), sources.Columns));
        }

        return new QueryOutput(columns, [.. open.Distinct()]);
    }

    private static bool IsStar(ParseNode value, out ParseNode columnRef) =>
        ParseTree.TryUnwrap(value, out var type, out columnRef)
        && type == "ColumnRef"
        && ParseTree.Items(columnRef, "fields").LastOrDefault() is { ValueKind: JsonValueKind.Object } last
        && ParseTree.Is(last, "A_Star");
}
