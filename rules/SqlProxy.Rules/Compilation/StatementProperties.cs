using System.Linq.Expressions;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Compilation;

/// <summary>Resolves <c>statement.*</c> in conditions to reads of the statement's analysis.</summary>
static class StatementProperties
{
    static readonly string[] Known = ["kind", "has_where", "limit", "tables", "columns"];

    const string Help = "the statement has `statement.kind`, `statement.has_where`, `statement.limit`, `statement.tables` and `statement.columns`";

    public static Problem? Resolve(PropertyNode node, ParameterExpression statement, out Typed? typed)
    {
        var path = node.Path;
        typed = null;
        if (path.Count == 1)
            return new Problem(node.Position, "`statement` needs a property", Help);
        if (path.Count == 2)
        {
            typed = path[1] switch
            {
                "kind" => new Typed(Expression.Property(statement, nameof(StatementAnalysis.Kind)), ValueKind.StatementKind),
                "has_where" => new Typed(Expression.Property(statement, nameof(StatementAnalysis.HasWhere)), ValueKind.Condition),
                "limit" => new Typed(Expression.Convert(Expression.Property(statement, nameof(StatementAnalysis.Limit)), typeof(decimal?)), ValueKind.Number),
                "tables" => new Typed(Expression.Call(typeof(StatementFacts), nameof(StatementFacts.Tables), null, statement), ValueKind.TextList),
                "columns" => new Typed(Expression.Call(typeof(StatementFacts), nameof(StatementFacts.Columns), null, statement), ValueKind.TextList),
                _ => null,
            };
            if (typed is not null)
                return null;
            if (path[1] == "count")
                return new Problem(node.Position, "`statement.count` is not available: a rule judges one statement at a time");
        }
        return new Problem(node.Position, $"`{Literals.Clip(node.ToString())}` is not a property of the statement",
            Suggestions.DidYouMean(path[1], Known, p => "statement." + p) ?? Help);
    }
}
