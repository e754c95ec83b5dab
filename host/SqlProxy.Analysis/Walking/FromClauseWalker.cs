using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>Turns FROM items (tables, CTE references, subqueries, joins, functions) into scope entries.</summary>
internal sealed class FromClauseWalker(WalkContext context)
{
    public void Walk(IEnumerable<ParseNode> fromItems, QueryScope scope)
    {
        foreach (var item in fromItems)
        {
            if (Add(item, scope) is { } entry)
            {
                scope.FromEntries.Add(entry);
            }
        }
    }

    /// <summary>
    /// Brings one FROM item into <paramref name="scope"/>'s column resolution and returns it as a
    /// FROM entry (a join is one entry), or null when it is not understood.
    /// </summary>
    public FromItem? Add(ParseNode node, QueryScope scope)
    {
        WalkContext.EnsureStack();
        if (!ParseTree.TryUnwrap(node, out var type, out var body))
        {
            return null;
        }

        FromItem item;
        switch (type)
        {
            case "RangeVar":
                item = RelationOrCte(body, scope);
                break;
            case "RangeSubselect":
                item = Subquery(body, scope);
                break;
            case "JoinExpr":
                return Join(body, scope);
            case "RangeFunction":
                item = Function(body, scope);
                break;
            case "RangeTableSample":
                context.Expressions.WalkField(body, "args", scope);
                context.Expressions.WalkField(body, "repeatable", scope);
                return ParseTree.TryGet(body, "relation", out var sampled) ? Add(sampled, scope) : null;
            case "RangeTableFunc":
                item = TableFunction(body, scope);
                break;
            default:
                context.Note($"FROM item `{type}` is not understood; the relations in it are read as every column");
                context.Expressions.Walk(body, scope, null);
                return null;
        }

        scope.Items.Add(item);
        return item;
    }

    private FromItem RelationOrCte(ParseNode rangeVar, QueryScope scope)
    {
        var name = ParseTree.String(rangeVar, "relname") ?? "";
        var qualified = ParseTree.String(rangeVar, "schemaname") is not null || ParseTree.String(rangeVar, "catalogname") is not null;
        if (!qualified && scope.FindCte(name) is { } cte)
        {
            ParseTree.TryGet(rangeVar, "alias", out var alias);
            return new DerivedItem(ParseTree.String(alias, "aliasname") ?? name, cte.Output.Renamed(ParseTree.Strings(alias, "colnames")));
        }

        var table = context.TableItemFor(rangeVar);
        context.Accesses.Touch(StatementKind.Select, table.Relation);
        return table;
    }

    private DerivedItem Subquery(ParseNode body, QueryScope scope)
    {
        var lateral = ParseTree.Bool(body, "lateral");
        QueryOutput output;
        if (!ParseTree.TryGet(body, "subquery", out var subquery))
        {
            output = QueryOutput.None;
        }
        else if (lateral)
        {
            output = context.Queries.Walk(subquery, scope);
        }
        else
        {
            scope.HideItems();
            try
            {
                output = context.Queries.Walk(subquery, scope);
            }
            finally
            {
                scope.ShowItems();
            }
        }

        ParseTree.TryGet(body, "alias", out var alias);
        return new DerivedItem(ParseTree.String(alias, "aliasname"), output.Renamed(ParseTree.Strings(alias, "colnames")));
    }

    private JoinItem? Join(ParseNode body, QueryScope scope)
    {
        var left = ParseTree.TryGet(body, "larg", out var larg) ? Add(larg, scope) : null;
        var right = ParseTree.TryGet(body, "rarg", out var rarg) ? Add(rarg, scope) : null;
        if (left is null || right is null)
        {
            return null;
        }

        var merged = ParseTree.Strings(body, "usingClause");
        if (ParseTree.Bool(body, "isNatural"))
        {
            merged = NaturalJoinColumns(left, right);
        }

        foreach (var column in merged)
        {
            ReadJoinColumn(column, left);
            ReadJoinColumn(column, right);
        }

        context.Expressions.WalkField(body, "quals", scope);
        ParseTree.TryGet(body, "alias", out var alias);
        var join = new JoinItem(ParseTree.String(alias, "aliasname"), left, right, merged) { QualifiedOnly = true };
        if (join.Name is not null)
        {
            scope.Items.Add(join);
        }

        return join;
    }

    /// <summary>
    /// Reads a USING or NATURAL column of one side of a join. Where that side is itself a join that
    /// merged the column, its reads are already recorded; otherwise the column comes from whichever
    /// of its sides has it. This keeps a chain of USING joins linear.
    /// </summary>
    private void ReadJoinColumn(string column, FromItem side)
    {
        WalkContext.EnsureStack();
        if (side is not JoinItem join)
        {
            context.Columns.ReadColumnOf(column, side);
        }
        else if (!join.MergedColumns.Contains(column))
        {
            ReadJoinColumn(column, join.Left);
            ReadJoinColumn(column, join.Right);
        }
    }

    /// <summary>The columns a NATURAL JOIN merges; when a side's columns are unknown, both are read whole.</summary>
    private List<string> NaturalJoinColumns(FromItem left, FromItem right)
    {
        var leftNames = left.OutputNames();
        var rightNames = right.OutputNames();
        if (leftNames is not null && rightNames is not null)
        {
            var shared = rightNames.ToHashSet();
            return [.. leftNames.Where(shared.Contains).Distinct()];
        }

        context.Note("NATURAL JOIN over relations whose columns the schema does not know; read as every column");
        foreach (var leaf in JoinItem.LeavesOf(left).Concat(JoinItem.LeavesOf(right)))
        {
            if (context.FirstWholeRead(leaf))
            {
                foreach (var column in leaf.Expand(context).Columns.SelectMany(c => c.Sources))
                {
                    context.Accesses.Read(column);
                }
            }
        }

        return [];
    }

    /// <summary>A function in FROM: its columns derive from its arguments, which may use earlier FROM items.</summary>
    private DerivedItem Function(ParseNode body, QueryScope scope)
    {
        var sources = new SourceSet();
        var names = new List<string>();
        string? functionName = null;
        foreach (var entry in ParseTree.Items(body, "functions"))
        {
            var parts = ParseTree.Items(ParseTree.BodyOf(entry, "List"), "items").ToList();
            if (parts.Count > 0)
            {
                context.Expressions.Walk(parts[0], scope, sources);
                functionName ??= ProjectionNamer.NameOf(parts[0]);
            }

            if (parts.Count > 1)
            {
                names.AddRange(ParseTree.Items(ParseTree.BodyOf(parts[1], "List"), "items")
                    .Select(d => ParseTree.String(ParseTree.BodyOf(d, "ColumnDef"), "colname") ?? ""));
            }
        }

        ParseTree.TryGet(body, "alias", out var alias);
        var aliasName = ParseTree.String(alias, "aliasname");
        var aliases = ParseTree.Strings(alias, "colnames");
        if (aliases.Count > 0)
        {
            names = aliases;
        }
        else if (names.Count == 0)
        {
            names.Add(aliasName ?? functionName ?? ProjectionNamer.Unnamed);
        }

        var output = new QueryOutput([.. names.Select(n => new OutputColumn(n, sources.Columns))], []);
        return new DerivedItem(aliasName ?? functionName, output, sources.Columns);
    }

    /// <summary>XMLTABLE: its columns derive from the document and row expressions.</summary>
    private DerivedItem TableFunction(ParseNode body, QueryScope scope)
    {
        var sources = new SourceSet();
        context.Expressions.Walk(body, scope, sources);
        var names = ParseTree.Items(body, "columns")
            .Select(c => ParseTree.String(ParseTree.BodyOf(c, "RangeTableFuncCol"), "colname") ?? "");
        ParseTree.TryGet(body, "alias", out var alias);
        var output = new QueryOutput([.. names.Select(n => new OutputColumn(n, sources.Columns))], []);
        return new DerivedItem(ParseTree.String(alias, "aliasname"), output.Renamed(ParseTree.Strings(alias, "colnames")), sources.Columns);
    }
}
