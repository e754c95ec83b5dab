using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Filters the statements that name a table outside a FROM clause. UPDATE and DELETE change only the target's rows the
/// filters allow (the predicates are ANDed into WHERE, qualified with the target's alias or name); so does the DO UPDATE
/// of INSERT … ON CONFLICT. <c>COPY table TO</c> becomes <c>COPY (SELECT …) TO</c>. TRUNCATE and MERGE of a filtered
/// table cannot be limited to rows, so they are refused. Their FROM, USING, source and subqueries are walked as reads.
/// </summary>
internal sealed class DataChangeFilters(FilterApplier applier)
{
    private static readonly int[] UpdateWalkedApart = [UpdateStmt.RelationFieldNumber, UpdateStmt.FromClauseFieldNumber, UpdateStmt.WithClauseFieldNumber];
    private static readonly int[] DeleteWalkedApart = [DeleteStmt.RelationFieldNumber, DeleteStmt.UsingClauseFieldNumber, DeleteStmt.WithClauseFieldNumber];
    private static readonly int[] InsertWalkedApart = [InsertStmt.RelationFieldNumber, InsertStmt.WithClauseFieldNumber];
    private static readonly int[] MergeWalkedApart = [MergeStmt.RelationFieldNumber, MergeStmt.SourceRelationFieldNumber, MergeStmt.WithClauseFieldNumber];
    private static readonly int[] CopyWalkedApart = [CopyStmt.RelationFieldNumber];

    /// <summary>Walks <paramref name="message"/> if it is one of these statements; false otherwise.</summary>
    public bool TryWalk(IMessage message)
    {
        switch (message)
        {
            case UpdateStmt update:
                Scoped(update.WithClause, () =>
                {
                    WalkFromItems(update.FromClause);
                    applier.WalkChildren(update, UpdateWalkedApart);
                    update.WhereClause = RestrictTarget(update.Relation, update.WhereClause, "UPDATE");
                });
                return true;
            case DeleteStmt delete:
                Scoped(delete.WithClause, () =>
                {
                    WalkFromItems(delete.UsingClause);
                    applier.WalkChildren(delete, DeleteWalkedApart);
                    delete.WhereClause = RestrictTarget(delete.Relation, delete.WhereClause, "DELETE");
                });
                return true;
            case InsertStmt insert:
                Scoped(insert.WithClause, () =>
                {
                    applier.WalkChildren(insert, InsertWalkedApart);
                    if (insert.OnConflictClause is { Action: OnConflictAction.OnconflictUpdate } conflict)
                    {
                        conflict.WhereClause = RestrictTarget(insert.Relation, conflict.WhereClause, "INSERT … ON CONFLICT DO UPDATE");
                    }
                });
                return true;
            case MergeStmt merge:
                RefuseIfFiltered(merge.Relation, "MERGE into");
                Scoped(merge.WithClause, () =>
                {
                    if (merge.SourceRelation is { } source)
                    {
                        applier.WalkFromItem(source);
                    }

                    applier.WalkChildren(merge, MergeWalkedApart);
                });
                return true;
            case CopyStmt copy:
                ReadThroughQuery(copy);
                applier.WalkChildren(copy, CopyWalkedApart);
                return true;
            case TruncateStmt truncate:
                foreach (var relation in truncate.Relations.Where(node => node.RangeVar is not null))
                {
                    RefuseIfFiltered(relation.RangeVar, "TRUNCATE of");
                }

                return true;
            default:
                return false;
        }
    }

    private void Scoped(WithClause? with, Action walk)
    {
        var scoped = applier.Ctes.Enter(with, applier.Walk);
        try
        {
            walk();
        }
        finally
        {
            if (scoped)
            {
                applier.Ctes.Exit();
            }
        }
    }

    private void WalkFromItems(IEnumerable<Node> items)
    {
        foreach (var item in items)
        {
            applier.WalkFromItem(item);
        }
    }

    /// <summary>The WHERE of a statement changing <paramref name="target"/>, with the target's predicates ANDed in.</summary>
    private Node? RestrictTarget(RangeVar? target, Node? where, string statement)
    {
        var predicates = target is null ? [] : applier.Filters.For(target);
        if (target is null || predicates.Count == 0)
        {
            return where;
        }

        if (where?.NodeCase == Node.NodeOneofCase.CurrentOfExpr)
        {
            throw new RowFilterException($"{statement} … WHERE CURRENT OF on filtered table `{target.Relname}` cannot be limited to the rows its row filters allow");
        }

        var qualifier = target.Alias?.Aliasname is { Length: > 0 } alias ? alias : target.Relname;
        applier.MarkChanged();
        return Conditions.And(where, predicates.Select(p => PredicateQualifier.Qualify(p, target, qualifier)));
    }

    private void RefuseIfFiltered(RangeVar? relation, string statement)
    {
        if (relation is not null && applier.Filters.For(relation).Count > 0)
        {
            throw new RowFilterException($"{statement} filtered table `{relation.Relname}` cannot be limited to the rows its row filters allow");
        }
    }

    /// <summary><c>COPY table [(columns)] TO …</c> → <c>COPY (SELECT columns FROM table) TO …</c>, which the walk then filters.</summary>
    private void ReadThroughQuery(CopyStmt copy)
    {
        if (copy.IsFrom || copy.Relation is not { } relation || applier.Filters.For(relation).Count == 0)
        {
            return;
        }

        var select = Conditions.SelectAllFrom(new Node { RangeVar = relation }, where: null);
        if (copy.Attlist.Count > 0)
        {
            select.TargetList.Clear();
            select.TargetList.AddRange(copy.Attlist.Select(name => new Node { ResTarget = new ResTarget { Val = Conditions.Column(name.String?.Sval ?? throw new RowFilterException("a COPY column list holds something other than names")), Location = -1 } }));
        }

        copy.Query = new Node { SelectStmt = select };
        copy.Relation = null;
        copy.Attlist.Clear();
    }
}
