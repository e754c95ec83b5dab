namespace SqlProxy.Host.Http;

/// <summary>
/// The response of <c>/api/v1/query</c> and <c>/api/v1/query/dry-run</c>. The first fields match the
/// C++ SQL proxy's HTTP API; <c>analysis</c> and <c>decision</c> are SqlProxy's own.
/// </summary>
internal sealed record QueryResponse(
    bool Success,
    string AuditId,
    string RequestId,
    QueryData? Data,
    IReadOnlyDictionary<string, string> Classifications,
    IReadOnlyList<string> MaskedColumns,
    IReadOnlyList<string> BlockedColumns,
    string? ErrorCode,
    string? ErrorMessage,
    int? ErrorPosition,
    long ExecutionTimeUs,
    AnalysisView? Analysis,
    DecisionView? Decision);

/// <summary>The rows of the last statement that returned rows.</summary>
internal sealed record QueryData(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnTypes,
    IReadOnlyList<object?[]> Rows,
    long RowCount,
    long RowsAffected,
    bool Truncated);

internal sealed record DecisionView(string Verdict, string? Rule, string? RuleName, string Reason, string? RulesVersion);

internal sealed record AnalysisView(IReadOnlyList<StatementView> Statements);

internal sealed record StatementView(
    string Kind,
    string Sql,
    string Fingerprint,
    IReadOnlyList<string> RelationsRead,
    IReadOnlyList<string> RelationsWritten,
    IReadOnlyList<AccessView> Accesses,
    IReadOnlyList<ProjectionView> Projection,
    IReadOnlyList<string> ColumnsRead,
    IReadOnlyList<string> ColumnsWritten,
    bool HasWhere,
    long? Limit,
    IReadOnlyList<string> Notes);

internal sealed record AccessView(string Operation, string? Relation, IReadOnlyList<string> Columns);

internal sealed record ProjectionView(string Name, IReadOnlyList<string> Sources);
