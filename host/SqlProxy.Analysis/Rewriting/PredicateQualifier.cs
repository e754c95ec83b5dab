using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Prepares a predicate for the WHERE of an UPDATE or DELETE, where FROM/USING items may have columns of the same names:
/// its column references are qualified with the target's alias (or name). References inside subqueries are left alone:
/// they resolve in the subquery's own scope first, as they would inside <c>SELECT * FROM table WHERE …</c>.
/// </summary>
internal static class PredicateQualifier
{
    /// <summary>A copy of <paramref name="predicate"/> whose columns of <paramref name="target"/> are qualified with <paramref name="qualifier"/>.</summary>
    public static Node Qualify(Node predicate, RangeVar target, string qualifier)
    {
        var copy = predicate.Clone();
        Visit(copy, target, qualifier);
        return copy;
    }

    private static void Visit(IMessage message, RangeVar target, string qualifier)
    {
        switch (message)
        {
            case SelectStmt:
                return;
            case ColumnRef column:
                Qualify(column, target, qualifier);
                return;
        }

        foreach (var child in ParseTreeChildren.Of(message))
        {
            Visit(child, target, qualifier);
        }
    }

    private static void Qualify(ColumnRef column, RangeVar target, string qualifier)
    {
        var prefix = column.Fields.Count - 1;
        if (prefix == 0 || NamesTarget(column, prefix, target))
        {
            for (var i = 0; i < prefix; i++)
            {
                column.Fields.RemoveAt(0);
            }

            column.Fields.Insert(0, new Node { String = new PgQuery.String { Sval = qualifier } });
        }
    }

    /// <summary>True when the first <paramref name="prefix"/> fields are <c>table</c>, <c>schema.table</c> or <c>database.schema.table</c>.</summary>
    private static bool NamesTarget(ColumnRef column, int prefix, RangeVar target)
    {
        string Part(int index) => column.Fields[index].NodeCase == Node.NodeOneofCase.String ? column.Fields[index].String.Sval : "";
        return prefix <= 3
            && Part(prefix - 1) == target.Relname
            && (prefix < 2 || Part(prefix - 2) == (target.Schemaname.Length > 0 ? target.Schemaname : "public"))
            && (prefix < 3 || Part(0) == target.Catalogname || target.Catalogname.Length == 0);
    }
}
