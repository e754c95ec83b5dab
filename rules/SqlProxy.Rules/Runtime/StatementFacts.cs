using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>Reads lists from a statement's analysis; compiled conditions call these.</summary>
static class StatementFacts
{
    /// <summary>Every relation the statement reads, writes or acts on, as <c>schema.table</c>, each once.</summary>
    public static IReadOnlyList<string> Tables(StatementAnalysis statement)
    {
        var tables = new List<string>();
        foreach (var access in statement.Accesses)
        {
            if (access.Relation is { } relation)
                AddOnce(tables, $"{relation.Schema}.{relation.Name}");
        }
        foreach (var relation in statement.RelationsRead.Concat(statement.RelationsWritten))
            AddOnce(tables, $"{relation.Schema}.{relation.Name}");
        return tables;
    }

    /// <summary>Every column the statement reads or writes, as <c>schema.table.column</c>, each once.</summary>
    public static IReadOnlyList<string> Columns(StatementAnalysis statement)
    {
        var columns = new List<string>();
        foreach (var column in statement.ColumnsRead.Concat(statement.ColumnsWritten))
            AddOnce(columns, $"{column.Relation.Schema}.{column.Relation.Name}.{column.Column}");
        return columns;
    }

    static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item, StringComparer.Ordinal))
            list.Add(item);
    }
}
