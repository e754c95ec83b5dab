namespace SqlProxy.Host.Audit.Verification;

/// <summary>Reads the PostgreSQL sink's trail in sequence order. (Being written.)</summary>
internal static class PostgresAuditTrail
{
    public static IEnumerable<TrailLine> Lines(string connectionString, string schema, string table) => throw new AuditTrailException("not implemented yet");
}
