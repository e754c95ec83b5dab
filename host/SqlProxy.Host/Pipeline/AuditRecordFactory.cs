using SqlProxy.Analysis;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Builds the audit record of a finished request. It carries no secret: the API key and the connection string never
/// enter it, and passwords in the SQL are masked (<see cref="SqlSecretRedactor"/>).
/// </summary>
internal static class AuditRecordFactory
{
    public static AuditRecord Create(QueryOutcome outcome)
    {
        var context = outcome.Context;
        var request = context.Request;
        var statements = context.Statements;
        return new AuditRecord
        {
            AuditId = outcome.AuditId,
            RequestId = request.RequestId,
            Timestamp = request.ReceivedAt,
            Outcome = OutcomeOf(outcome),
            User = context.User?.Name,
            ClientAddress = request.ClientAddress,
            Database = request.Body?.Database,
            Sql = request.Body?.Sql is { } sql ? SqlSecretRedactor.Redact(sql) : null,
            RewrittenSql = RewrittenSql(context).Select(SqlSecretRedactor.Redact).ToArray(),
            Fingerprints = statements.Select(s => s.Fingerprint).ToArray(),
            StatementKinds = statements.Select(s => s.Kind).ToArray(),
            Relations = statements.SelectMany(s => s.RelationsRead.Concat(s.RelationsWritten)).Select(r => r.ToString()).Distinct().ToArray(),
            Columns = statements.SelectMany(s => s.ColumnsRead.Concat(s.ColumnsWritten)).Select(c => c.ToString()).Distinct().ToArray(),
            Decision = context.Decision is { } decision ? (decision.Verdict == Verdict.Allow ? "ALLOW" : "BLOCK") : null,
            Rule = context.Decision?.Rule?.ToString(),
            Reason = context.Decision?.Reason,
            RulesVersion = context.Rules?.Version,
            Classifications = context.Classifications,
            MaskedColumns = context.MaskedColumns.Select(m => m.Name).ToArray(),
            RowCount = context.Result is { } result ? Math.Max(result.RowCount, result.RowsAffected) : null,
            DurationUs = outcome.DurationUs,
            ErrorCode = outcome.Failure?.Code,
            ErrorMessage = outcome.Failure?.Message,
        };
    }

    private static IReadOnlyList<string> RewrittenSql(QueryContext context) =>
        context.ExecutedSql.Count == context.Statements.Count && context.ExecutedSql.Where((sql, i) => sql != context.Statements[i].Sql).Any()
            ? context.ExecutedSql
            : [];

    private static AuditOutcome OutcomeOf(QueryOutcome outcome) => outcome.Failure switch
    {
        null => outcome.Context.Request.DryRun ? AuditOutcome.DryRun : AuditOutcome.Executed,
        { StatusCode: 401 } => AuditOutcome.Unauthenticated,
        { StatusCode: 403 } => AuditOutcome.Blocked,
        // The database refused or failed an allowed statement (including its own errors such as a constraint).
        { StatusCode: >= 500 } or { Code: "QUERY_ERROR" } => AuditOutcome.UpstreamError,
        _ => AuditOutcome.Rejected,
    };
}
