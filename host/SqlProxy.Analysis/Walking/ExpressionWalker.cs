using System.Text.Json;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Walks any expression — and, by generic descent, any node it does not know — finding every
/// column reference, subquery and relation in it. Unknown node types are never skipped: their
/// children are walked like any other.
/// </summary>
internal sealed class ExpressionWalker(WalkContext context)
{
    /// <summary>Walks <paramref name="element"/>; the relation columns its value derives from go to <paramref name="sink"/>.</summary>
    public void Walk(ParseNode element, QueryScope scope, SourceSet? sink)
    {
        WalkContext.EnsureStack();
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, scope, sink);
                }

                break;
            case JsonValueKind.Object when ParseTree.TryUnwrap(element, out var type, out var body):
                WalkNode(type, body, scope, sink);
                break;
            case JsonValueKind.Object when ParseTree.IsRangeVar(element, out var rangeVar):
                ReadWholeRelation(rangeVar);
                break;
            case JsonValueKind.Object:
                WalkChildren(element, scope, sink);
                break;
        }
    }

    /// <summary>Walks <paramref name="body"/>'s <paramref name="field"/>, if it has one.</summary>
    public void WalkField(ParseNode body, string field, QueryScope scope, SourceSet? sink = null)
    {
        if (ParseTree.TryGet(body, field, out var node))
        {
            Walk(node, scope, sink);
        }
    }

    private void WalkNode(string type, ParseNode body, QueryScope scope, SourceSet? sink)
    {
        switch (type)
        {
            case "A_Const" or "ParamRef" or "String" or "Integer" or "Float" or "Boolean" or "BitString"
                or "SQLValueFunction" or "A_Star" or "TypeName" or "SetToDefault":
                return;
            case "ColumnRef":
                context.Columns.Resolve(body, scope, sink);
                return;
            case "SubLink":
                WalkSubLink(body, scope, sink);
                return;
            case "TypeCast":
                WalkField(body, "arg", scope, sink);
                return;
            case "SelectStmt" or "InsertStmt" or "UpdateStmt" or "DeleteStmt" or "MergeStmt":
                AddOutput(context.Statements.WalkQueryLike(body, type, scope), sink);
                return;
            case "RangeVar":
                ReadWholeRelation(body);
                return;
            default:
                WalkChildren(body, scope, sink);
                return;
        }
    }

    private void WalkSubLink(ParseNode body, QueryScope scope, SourceSet? sink)
    {
        WalkField(body, "testexpr", scope, sink);
        if (ParseTree.TryGet(body, "subselect", out var subselect))
        {
            AddOutput(context.Queries.Walk(subselect, scope), sink);
        }
    }

    private void WalkChildren(ParseNode body, QueryScope scope, SourceSet? sink)
    {
        foreach (var value in body.EnumeratePropertyValues())
        {
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Walk(value, scope, sink);
            }
        }
    }

    /// <summary>A relation met outside FROM (in a node this walker does not know): read as a whole.</summary>
    private void ReadWholeRelation(ParseNode rangeVar)
    {
        var relation = context.Names.FromRangeVar(rangeVar);
        context.Note($"{relation} is named in a construct not fully understood; read as every column");
        context.Accesses.Add(Sdk.StatementKind.Select, relation, WalkContext.AllColumns);
    }

    private static void AddOutput(QueryOutput output, SourceSet? sink)
    {
        if (sink is null)
        {
            return;
        }

        foreach (var column in output.Columns)
        {
            sink.AddRange(column.Sources);
        }
    }
}
