using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Tests.Support;

/// <summary>
/// Renders analyses as the lines the case file speaks: <c>key: value</c>. Relations of the sample
/// database drop the database name (<c>public.customers</c>).
/// </summary>
internal static class AnalysisText
{
    public static IReadOnlyList<string> Lines(SqlAnalysis analysis) => analysis.Error is { } error
        ? [Error(error)]
        : [.. analysis.Statements.SelectMany((s, i) => i == 0 ? Lines(s) : ["---", .. Lines(s)])];

    public static string Error(SqlError error) =>
        $"error: {error.Kind}{(error.CursorPosition is { } at ? $" at {at}" : "")}: {error.Message}";

    public static IEnumerable<string> Lines(StatementAnalysis statement)
    {
        yield return $"kind: {statement.Kind}";
        foreach (var access in statement.Accesses)
        {
            yield return $"access: {Access(access)}";
        }

        foreach (var column in statement.Projection)
        {
            yield return $"project: {column.Name} <-{string.Concat(column.Sources.Select((s, i) => (i == 0 ? " " : ", ") + Column(s)))}";
        }

        if (statement.ColumnsRead.Count > 0)
        {
            yield return $"read: {string.Join(", ", statement.ColumnsRead.Select(Column))}";
        }

        if (statement.ColumnsWritten.Count > 0)
        {
            yield return $"written: {string.Join(", ", statement.ColumnsWritten.Select(Column))}";
        }

        if (statement.RelationsRead.Count > 0)
        {
            yield return $"relations read: {string.Join(", ", statement.RelationsRead.Select(Relation))}";
        }

        if (statement.RelationsWritten.Count > 0)
        {
            yield return $"relations written: {string.Join(", ", statement.RelationsWritten.Select(Relation))}";
        }

        yield return $"where: {(statement.HasWhere ? "yes" : "no")}";
        yield return $"limit: {statement.Limit?.ToString() ?? "none"}";
        foreach (var note in statement.Notes)
        {
            yield return $"note: {note}";
        }

        yield return $"text: {statement.Sql}";
    }

    public static string Access(StatementAccess access) =>
        $"{access.Operation} {(access.Relation is null ? "database" : Relation(access.Relation))}"
        + (access.Columns.Count > 0 ? $" ({string.Join(", ", access.Columns)})" : "");

    public static string Relation(RelationName relation) =>
        relation.Database == SampleDatabase.Name ? $"{relation.Schema}.{relation.Name}" : relation.ToString();

    public static string Column(QualifiedColumn column) => $"{Relation(column.Relation)}.{column.Column}";
}
