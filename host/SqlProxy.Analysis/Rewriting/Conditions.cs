using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>Builds the nodes the rewriter adds: conjunctions and <c>SELECT * FROM … WHERE …</c>.</summary>
internal static class Conditions
{
    /// <summary><paramref name="existing"/> AND every one of <paramref name="added"/> (the deparser adds the parentheses an OR needs).</summary>
    public static Node And(Node? existing, IEnumerable<Node> added)
    {
        var all = new BoolExpr { Boolop = BoolExprType.AndExpr, Location = -1 };
        if (existing is not null)
        {
            all.Args.Add(existing);
        }

        all.Args.AddRange(added);
        return all.Args.Count == 1 ? all.Args[0] : new Node { BoolExpr = all };
    }

    /// <summary><c>SELECT * FROM <paramref name="from"/> [WHERE <paramref name="where"/>]</c>.</summary>
    public static SelectStmt SelectAllFrom(Node from, Node? where)
    {
        var select = new SelectStmt { LimitOption = LimitOption.Default, Op = SetOperation.SetopNone, WhereClause = where };
        select.TargetList.Add(new Node { ResTarget = new ResTarget { Val = Star(), Location = -1 } });
        select.FromClause.Add(from);
        return select;
    }

    /// <summary>A reference to column <paramref name="name"/>.</summary>
    public static Node Column(string name) =>
        new() { ColumnRef = new ColumnRef { Fields = { new Node { String = new PgQuery.String { Sval = name } } }, Location = -1 } };

    private static Node Star() => new() { ColumnRef = new ColumnRef { Fields = { new Node { AStar = new A_Star() } }, Location = -1 } };
}
