using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Replaces each <c>$n</c> of a predicate by a string constant node holding value n. The value never passes through SQL
/// text: the deparser quotes it, so <c>x' OR '1'='1</c> stays one string literal.
/// </summary>
internal static class ParameterBinder
{
    /// <summary>A copy of <paramref name="template"/> with every <c>$n</c> replaced; every n must be within <paramref name="values"/>.</summary>
    public static Node Bind(PredicateTemplate template, IReadOnlyList<string> values)
    {
        var bound = template.Condition.Clone();
        Replace(bound, values);
        return bound;
    }

    /// <summary>A constant of type unknown, like a quoted literal in SQL: PostgreSQL infers its type from where it is used.</summary>
    public static Node StringConstant(string value) =>
        new() { AConst = new A_Const { Sval = new PgQuery.String { Sval = value }, Location = -1 } };

    private static void Replace(IMessage message, IReadOnlyList<string> values)
    {
        if (message is Node { NodeCase: Node.NodeOneofCase.ParamRef } node)
        {
            node.AConst = StringConstant(values[node.ParamRef.Number - 1]).AConst;
            return;
        }

        foreach (var child in ParseTreeChildren.Of(message))
        {
            Replace(child, values);
        }
    }
}
