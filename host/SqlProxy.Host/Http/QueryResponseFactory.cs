using System.Text.Json;
using SqlProxy.Host.Pipeline;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Http;

/// <summary>Shapes a finished request into the API's response.</summary>
internal static class QueryResponseFactory
{
    public static QueryResponse Create(QueryOutcome outcome)
    {
        var context = outcome.Context;
        var failure = outcome.Failure;
        return new QueryResponse(
            Success: failure is null,
            AuditId: outcome.AuditId,
            RequestId: context.Request.RequestId,
            Data: context.Result is { } result
                ? new QueryData(result.Columns.Select(c => c.Name).ToArray(), result.Columns.Select(c => c.DataType).ToArray(),
                    result.Rows, result.RowCount, result.RowsAffected, result.Truncated)
                : null,
            Classifications: context.Classifications.ToDictionary(pair => pair.Key, pair => string.Join(",", pair.Value)),
            MaskedColumns: context.MaskedColumns.Select(m => m.Name).ToArray(),
            Masks: context.MaskedColumns.Select(m => new MaskView(m.Name, m.Masker, m.Rule.ToString(), m.Rule.Name, m.MatchedBy, m.FailedClosed)).ToArray(),
            BlockedColumns: context.Decision?.BlockedColumns ?? [],
            ErrorCode: failure?.Code,
            ErrorMessage: failure?.Message,
            ErrorPosition: failure?.Position,
            ExecutionTimeUs: outcome.DurationUs,
            Analysis: context.Statements.Count == 0 ? null : new AnalysisView(context.Statements.Select(ToView).ToArray()),
            Decision: context.Decision is { } decision ? ToView(decision, context.Rules?.Version) : null,
            RowLimit: context.RowCap is { RuleLimit: not null } cap ? ToView(cap) : null,
            Explain: QueryResponseExplainFactory.Create(context));
    }

    public static RowLimitView ToView(RowCap cap) => new(cap.Limit, cap.Rule?.ToString(), cap.Rule?.Name);

    private static DecisionView ToView(Decision decision, string? rulesVersion) => new(
        decision.Verdict == Verdict.Allow ? "ALLOW" : "BLOCK",
        decision.Rule?.ToString(),
        decision.Rule?.Name,
        decision.Reason,
        rulesVersion);

    private static StatementView ToView(StatementAnalysis s) => new(
        KindName(s.Kind),
        s.Sql,
        s.Fingerprint,
        s.RelationsRead.Select(r => r.ToString()).ToArray(),
        s.RelationsWritten.Select(r => r.ToString()).ToArray(),
        s.Accesses.Select(a => new AccessView(KindName(a.Operation), a.Relation?.ToString(), a.Columns)).ToArray(),
        s.Projection.Select(p => new ProjectionView(p.Name, p.Sources.Select(c => c.ToString()).ToArray())).ToArray(),
        s.ColumnsRead.Select(c => c.ToString()).ToArray(),
        s.ColumnsWritten.Select(c => c.ToString()).ToArray(),
        s.HasWhere,
        s.Limit,
        s.Notes);

    private static string KindName(StatementKind kind) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(kind.ToString());
}
