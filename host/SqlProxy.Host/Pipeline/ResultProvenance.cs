using SqlProxy.Host.Upstream;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Where each result column comes from: the projection of the statement whose rows are returned.
/// Classification and masking both read it, so they never disagree about a column.
/// </summary>
internal static class ResultProvenance
{
    /// <summary>
    /// The index of the statement whose rows are returned: the last one with a projection, which need
    /// not be the last statement; -1 when none has one.
    /// </summary>
    public static int ReturningStatement(IReadOnlyList<StatementAnalysis> statements)
    {
        for (var i = statements.Count - 1; i >= 0; i--)
            if (statements[i].Projection.Count > 0) return i;
        return -1;
    }

    /// <summary>The result's columns with the source columns each derives from.</summary>
    public static IReadOnlyList<ResultColumn> Columns(IReadOnlyList<StatementAnalysis> statements, ExecutionResult result)
    {
        var index = ReturningStatement(statements);
        IReadOnlyList<ProjectedColumn> projection = index < 0 ? [] : statements[index].Projection;
        return result.Columns.Select((column, i) => new ResultColumn(
            column.Name,
            column.DataType,
            projection.Count == result.Columns.Count ? projection[i].Sources : SourcesByName(projection, column.Name))).ToArray();
    }

    /// <summary>
    /// Like <see cref="Columns"/>, but when the rows cannot be traced to a projection — they may come from a
    /// cursor (<c>FETCH</c>), a prepared statement (<c>EXECUTE</c>), a procedure, or a result the analysis could
    /// not line up with the projection — every column may derive from anything the request read: masks must
    /// then cover them all rather than let a value through.
    /// </summary>
    public static IReadOnlyList<ResultColumn> ForMasking(IReadOnlyList<StatementAnalysis> statements, ExecutionResult result)
    {
        var columns = Columns(statements, result);
        if (IsTraceable(statements, result)) return columns;
        var everythingRead = statements.SelectMany(s => s.ColumnsRead).Distinct().ToArray();
        return columns.Select(c => c with { Sources = c.Sources.Concat(everythingRead).Distinct().ToArray() }).ToArray();
    }

    private static bool IsTraceable(IReadOnlyList<StatementAnalysis> statements, ExecutionResult result)
    {
        var index = ReturningStatement(statements);
        return index >= 0
            && statements[index].Projection.Count == result.Columns.Count
            && !statements.Skip(index + 1).Any(s => s.Kind is StatementKind.OtherUtility or StatementKind.Call or StatementKind.Copy);
    }

    private static IReadOnlyList<QualifiedColumn> SourcesByName(IReadOnlyList<ProjectedColumn> projection, string name) =>
        projection.Where(p => p.Name == name).SelectMany(p => p.Sources).Distinct().ToArray();
}
