using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Qualifies the tables a predicate reads with <c>public</c> (the analyzer's reading of an unqualified name). Unqualified,
/// they would be resolved where the predicate lands, in the user's statement: a CTE there named <c>orders</c>, a temporary
/// table or a search_path could stand in for the table the rule meant, and widen the filter. CTEs the predicate defines
/// itself stay unqualified.
/// </summary>
internal static class RelationPinner
{
    public static void Pin(Node predicate)
    {
        var ownCtes = new HashSet<string>(StringComparer.Ordinal);
        Collect(predicate, ownCtes);
        Qualify(predicate, ownCtes);
    }

    private static void Collect(IMessage message, HashSet<string> ctes)
    {
        if (message is CommonTableExpr cte)
        {
            ctes.Add(cte.Ctename);
        }

        foreach (var child in ParseTreeChildren.Of(message))
        {
            Collect(child, ctes);
        }
    }

    private static void Qualify(IMessage message, HashSet<string> ownCtes)
    {
        if (message is RangeVar { Schemaname.Length: 0, Catalogname.Length: 0 } relation && !ownCtes.Contains(relation.Relname))
        {
            relation.Schemaname = "public";
        }

        foreach (var child in ParseTreeChildren.Of(message))
        {
            Qualify(child, ownCtes);
        }
    }
}
