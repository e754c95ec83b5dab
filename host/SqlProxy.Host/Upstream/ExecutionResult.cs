namespace SqlProxy.Host.Upstream;

/// <summary>A result column: its name and PostgreSQL's type name.</summary>
internal sealed record ResultColumnInfo(string Name, string DataType);

/// <summary>
/// What running a request's statements produced: the rows of the last statement that returned
/// rows (at most the configured maximum; <see cref="Truncated"/> says when more were dropped),
/// and the rows affected by all statements.
/// </summary>
internal sealed record ExecutionResult(
    IReadOnlyList<ResultColumnInfo> Columns,
    IReadOnlyList<object?[]> Rows,
    long RowCount,
    long RowsAffected,
    bool Truncated);
