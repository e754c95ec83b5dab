namespace SqlProxy.Host.Http;

/// <summary>
/// The response of <c>/api/v1/query</c> and <c>/api/v1/query/dry-run</c>. The first fields match the
/// C++ SQL proxy's HTTP API; <c>masks</c>, <c>analysis</c>, <c>decision</c>, <c>row_limit</c> and
/// <c>explain</c> are SqlProxy's own.
/// </summary>
/// <param name="MaskedColumns">The names of the masked result columns (the C++ proxy's field); <paramref name="Masks"/> says how.</param>
/// <param name="RowLimit">The cap a <c>limit</c> rule put on the rows returned, when one applies.</param>
/// <param name="Explain">For a dry run: every rule consulted, and the masks, filters and limit that would apply.</param>
internal sealed record QueryResponse(
    bool Success,
    string AuditId,
    string RequestId,
    QueryData? Data,
    IReadOnlyDictionary<string, string> Classifications,
    IReadOnlyList<string> MaskedColumns,
    IReadOnlyList<MaskView> Masks,
    IReadOnlyList<string> BlockedColumns,
    string? ErrorCode,
    string? ErrorMessage,
    int? ErrorPosition,
    long ExecutionTimeUs,
    AnalysisView? Analysis,
    DecisionView? Decision,
    RowLimitView? RowLimit,
    ExplainView? Explain);

/// <summary>The rows of the last statement that returned rows.</summary>
internal sealed record QueryData(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnTypes,
    IReadOnlyList<object?[]> Rows,
    long RowCount,
    long RowsAffected,
    bool Truncated);

/// <param name="MatchedBy">What the rule matched: <c>column testdb.public.customers.email</c> or <c>label PII.Email</c>.</param>
/// <param name="FailedClosed">The masker failed, so the values were redacted instead.</param>
internal sealed record MaskView(string Column, string Masker, string Rule, string? RuleName, string MatchedBy, bool FailedClosed);

/// <param name="Limit">The most rows returned.</param>
/// <param name="Rule">The limit rule that set it; null when the database's <c>max_rows</c> is lower.</param>
internal sealed record RowLimitView(long Limit, string? Rule, string? RuleName);

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
