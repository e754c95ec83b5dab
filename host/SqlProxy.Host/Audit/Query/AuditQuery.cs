namespace SqlProxy.Host.Audit.Query;

/// <summary>
/// A search of the audit table (<c>GET /api/v1/audit</c>), every filter optional: newest first, at most
/// <see cref="Limit"/> records with <c>seq</c> below <see cref="BeforeSeq"/>.
/// </summary>
/// <param name="User">The user's name, exactly.</param>
/// <param name="Decision"><c>ALLOW</c> or <c>BLOCK</c>.</param>
/// <param name="Database">The database asked for, exactly.</param>
/// <param name="Table">A relation touched: its full <c>database.schema.name</c>, or a trailing part of it (<c>customers</c>).</param>
/// <param name="Kind">A statement kind, UPPER_SNAKE (<c>SELECT</c>, <c>CREATE_TABLE</c>).</param>
/// <param name="From">Records at or after this instant.</param>
/// <param name="To">Records before this instant.</param>
/// <param name="Text">A case-insensitive substring of the SQL.</param>
/// <param name="Limit">Records per page.</param>
/// <param name="BeforeSeq">The page ends below this <c>seq</c> (the previous page's <c>next_before_seq</c>).</param>
internal sealed record AuditQuery(
    string? User,
    string? Decision,
    string? Database,
    string? Table,
    string? Kind,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Text,
    int Limit,
    long? BeforeSeq)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>The time range of <c>GET /api/v1/audit/stats</c>: <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
internal sealed record AuditStatsQuery(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);
}
