using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditFile;

internal static class AuditRecords
{
    public static AuditRecord Minimal(string auditId) => new()
    {
        AuditId = auditId,
        RequestId = "req-" + auditId,
        Timestamp = new DateTimeOffset(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero),
        Outcome = AuditOutcome.Executed,
    };

    public static AuditRecord Full() => Minimal("a-1") with
    {
        Outcome = AuditOutcome.UpstreamError,
        User = "analyst",
        ClientAddress = "10.0.0.7",
        Database = "testdb",
        Sql = "SELECT email, 'José' FROM customers\nWHERE region = 'north'",
        Fingerprints = ["a0b1c2d3e4f5a6b7"],
        StatementKinds = [StatementKind.Select, StatementKind.CreateTable],
        Relations = ["testdb.public.customers"],
        Columns = ["testdb.public.customers.email", "testdb.public.customers.region"],
        Decision = "ALLOW",
        Rule = "rules/pii.rules:12",
        RulesVersion = "sha256:abc",
        Classifications = new Dictionary<string, IReadOnlyList<string>> { ["email"] = ["PII.Email"] },
        MaskedColumns = ["email"],
        DurationUs = 1234,
        ErrorCode = "UPSTREAM_ERROR",
        ErrorMessage = "connection refused",
    };
}
