using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Replaces a FROM item reading a filtered table by <c>(SELECT * FROM table WHERE predicates) AS name</c>. Unlike a
/// condition added to the outer WHERE, this keeps the semantics of every join: the outer side of a LEFT JOIN still
/// returns its rows, null-extended, and the rest of the query sees the same name and columns.
/// </summary>
internal static class FilteredRead
{
    /// <summary>
    /// Turns <paramref name="item"/> (a FROM item) into the filtered subquery. <paramref name="relation"/> is the table it
    /// reads: the item itself, or the table of its TABLESAMPLE. The table's alias moves to the subquery; inside it the table
    /// keeps its own name, and the predicates' columns are qualified with it.
    /// </summary>
    public static void Replace(Node item, RangeVar relation, IReadOnlyList<Node> predicates)
    {
        var alias = relation.Alias ?? new Alias { Aliasname = relation.Relname };
        relation.Alias = null;
        var inner = item.NodeCase == Node.NodeOneofCase.RangeVar
            ? new Node { RangeVar = item.RangeVar }
            : new Node { RangeTableSample = item.RangeTableSample };
        // Qualified, a predicate's column the table lacks is an error instead of silently meaning an outer query's column.
        var condition = Conditions.And(null, predicates.Select(p => PredicateQualifier.Qualify(p, relation, relation.Relname)));
        var select = Conditions.SelectAllFrom(inner, condition);
        item.RangeSubselect = new RangeSubselect { Subquery = new Node { SelectStmt = select }, Alias = alias };
    }
}
