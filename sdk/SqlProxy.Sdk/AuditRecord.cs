namespace SqlProxy.Sdk;

/// <summary>
/// One audit record per request, on every path out. It never holds a secret: no API key,
/// no password, no connection string.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>The record's id, also returned to the client as <c>audit_id</c>.</summary>
    public required string AuditId { get; init; }

    /// <summary>The request's id, also in logs and the response headers.</summary>
    public required string RequestId { get; init; }

    /// <summary>When the request arrived.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>How the request ended.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The authenticated user's name, or null when authentication failed.</summary>
    public string? User { get; init; }

    /// <summary>The client's IP address, when known.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The database asked for.</summary>
    public string? Database { get; init; }

    /// <summary>The SQL as received.</summary>
    public string? Sql { get; init; }

    /// <summary>
    /// Each statement as it ran, merged with the row filters in force; empty when no row filter rewrote any statement.
    /// </summary>
    public IReadOnlyList<string> RewrittenSql { get; init; } = [];

    /// <summary>The fingerprint of each statement.</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];

    /// <summary>The kind of each statement.</summary>
    public IReadOnlyList<StatementKind> StatementKinds { get; init; } = [];

    /// <summary>Relations touched, as <c>database.schema.name</c>.</summary>
    public IReadOnlyList<string> Relations { get; init; } = [];

    /// <summary>Columns read or written, as <c>database.schema.relation.column</c>.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary><c>ALLOW</c> or <c>BLOCK</c>, or null when no decision was reached.</summary>
    public string? Decision { get; init; }

    /// <summary>The deciding rule, as <c>file:line</c>, when there was one.</summary>
    public string? Rule { get; init; }

    /// <summary>The reason given with the decision.</summary>
    public string? Reason { get; init; }

    /// <summary>The version (content hash) of the rules that judged the request.</summary>
    public string? RulesVersion { get; init; }

    /// <summary>Result column → labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Classifications { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Result columns whose values were masked.</summary>
    public IReadOnlyList<string> MaskedColumns { get; init; } = [];

    /// <summary>Rows returned or affected, when the statement ran.</summary>
    public long? RowCount { get; init; }

    /// <summary>Time spent on the request, in microseconds.</summary>
    public long DurationUs { get; init; }

    /// <summary>The error code returned to the client, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message returned to the client, if any.</summary>
    public string? ErrorMessage { get; init; }
}
