namespace SqlProxy.Host.Audit.Verification;

/// <summary>
/// Where the built-in PostgreSQL audit sink (<c>audit_postgres</c>) keeps its trail, as the host reads it for
/// <c>sqlproxy audit verify</c> and <c>GET /api/v1/audit</c>. The plugin creates the table; this side only reads.
/// </summary>
internal static class AuditTable
{
    public const string DefaultSchema = "sqlproxy_audit";
    public const string DefaultTable = "records";
}
