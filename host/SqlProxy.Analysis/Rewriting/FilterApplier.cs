using System.Runtime.CompilerServices;
using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Walks one statement's tree and applies the filters to every read of a filtered table: FROM items at any depth
/// (joins, subqueries, WITH queries, set-operation branches) become filtered subqueries; the targets of UPDATE, DELETE
/// and INSERT … ON CONFLICT DO UPDATE get the predicates in their WHERE (<see cref="DataChangeFilters"/>). Predicates are
/// added after their place has been walked, so tables inside a predicate are not filtered again.
/// </summary>
internal sealed class FilterApplier
{
    private static readonly int[] SelectWalkedApart = [SelectStmt.FromClauseFieldNumber, SelectStmt.WithClauseFieldNumber];

    private readonly DataChangeFilters dataChanges;

    public FilterApplier(FilterLookup filters)
    {
        Filters = filters;
        dataChanges = new DataChangeFilters(this);
    }

    public FilterLookup Filters { get; }

    public CteScopes Ctes { get; } = new();

    /// <summary>True once the tree has been changed.</summary>
    public bool Changed { get; private set; }

    /// <summary>Walks any message: statements and queries get their filters, everything else is searched for them.</summary>
    /// <exception cref="InsufficientExecutionStackException">The tree is too deep for this thread's stack.</exception>
    public void Walk(IMessage message)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException();
        }

        switch (message)
        {
            case SelectStmt select:
                WalkSelect(select);
                return;
            case JoinExpr join:
                WalkJoin(join);
                return;
            case RangeTableSample sample when Filters.For(RelationOf(sample)).Count > 0:
                // Every TABLESAMPLE is a FROM item, reached through WalkFromItem: refuse rather than read it unfiltered.
                throw new RowFilterException("a TABLESAMPLE of a filtered table appears where row filters cannot be applied");
            default:
                if (!dataChanges.TryWalk(message))
                {
                    WalkChildren(message);
                }

                return;
        }
    }

    /// <summary>Walks the children of <paramref name="message"/>, except the fields numbered in <paramref name="skippedFields"/>.</summary>
    public void WalkChildren(IMessage message, params int[] skippedFields)
    {
        foreach (var child in ParseTreeChildren.Of(message, skippedFields))
        {
            Walk(child);
        }
    }

    /// <summary>Walks one FROM item (of a SELECT, an UPDATE's FROM, a DELETE's USING, a MERGE's source), filtering the table it reads.</summary>
    public void WalkFromItem(Node item)
    {
        switch (item.NodeCase)
        {
            case Node.NodeOneofCase.RangeVar:
                Filter(item, item.RangeVar);
                return;
            case Node.NodeOneofCase.RangeTableSample:
                WalkChildren(item.RangeTableSample, RangeTableSample.RelationFieldNumber);
                Filter(item, RelationOf(item.RangeTableSample));
                return;
            case Node.NodeOneofCase.JoinExpr:
                WalkJoin(item.JoinExpr);
                return;
            default:
                Walk(item);
                return;
        }
    }

    private void WalkSelect(SelectStmt select)
    {
        var scoped = Ctes.Enter(select.WithClause, Walk);
        try
        {
            foreach (var item in select.FromClause)
            {
                WalkFromItem(item);
            }

            WalkChildren(select, SelectWalkedApart);
        }
        finally
        {
            if (scoped)
            {
                Ctes.Exit();
            }
        }
    }

    private void WalkJoin(JoinExpr join)
    {
        if (join.Larg is { } left)
        {
            WalkFromItem(left);
        }

        if (join.Rarg is { } right)
        {
            WalkFromItem(right);
        }

        WalkChildren(join, JoinExpr.LargFieldNumber, JoinExpr.RargFieldNumber);
    }

    private void Filter(Node item, RangeVar relation)
    {
        if (Ctes.Contains(relation))
        {
            return;
        }

        var predicates = Filters.For(relation);
        if (predicates.Count > 0)
        {
            FilteredRead.Replace(item, relation, predicates);
            Changed = true;
        }
    }

    /// <summary>Marks the tree changed by a rewrite done elsewhere (a data-changing statement's target).</summary>
    public void MarkChanged() => Changed = true;

    /// <summary>The table a TABLESAMPLE reads; the grammar only allows a plain relation there.</summary>
    private static RangeVar RelationOf(RangeTableSample sample) =>
        sample.Relation?.RangeVar ?? throw new RowFilterException("a TABLESAMPLE that does not read a table cannot be checked against row filters");
}
