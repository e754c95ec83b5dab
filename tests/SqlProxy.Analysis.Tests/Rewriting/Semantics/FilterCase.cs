using SqlProxy.Analysis.Rewriting;

namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>A generated statement and the filters to apply to it; printed in full when a property fails.</summary>
public sealed record FilterCase(Fragment Statement, IReadOnlyList<TableFilter> Filters)
{
    public string Rewritten() => RowFilterRewriter.Rewrite(Statement.Sql, FilterDatabase.Name, Filters);

    public override string ToString() =>
        $"{Statement.Sql}{Environment.NewLine}  filters: {string.Join("; ", Filters.Select(f => $"{f.Table.Name}: {f.Predicate} [{string.Join(", ", f.Values)}]"))}";
}
