using SqlProxy.Host.Masking;
using SqlProxy.Host.Pipeline;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Http;

/// <summary>Shapes a dry run's decisions and traces into the <c>explain</c> section.</summary>
internal static class QueryResponseExplainFactory
{
    private const string LabelMasksNote =
        "label masks are applied after classification, which needs the rows: a result column classified with a listed label " +
        "is masked by the first mask in rule order that covers it, which may come before the column masks listed";

    /// <returns>Null unless the request is a dry run that reached a decision.</returns>
    public static ExplainView? Create(QueryContext context)
    {
        if (!context.Request.DryRun || context.StatementDecisions.Count != context.Statements.Count || context.Statements.Count == 0)
            return null;
        var statements = context.Statements.Select((statement, i) => ToView(context, statement, i)).ToArray();
        return new ExplainView(statements, statements.Any(s => s.LabelMasks.Count > 0) ? [LabelMasksNote] : []);
    }

    private static StatementExplainView ToView(QueryContext context, StatementAnalysis statement, int index)
    {
        var decision = context.StatementDecisions[index];
        var trace = index < context.Traces.Count ? context.Traces[index] : [];
        return new StatementExplainView(
            decision.Verdict == Verdict.Allow ? "ALLOW" : "BLOCK",
            decision.Rule?.ToString(),
            decision.Reason,
            trace.Select(t => new TraceView(t.Rule.ToString(), t.Rule.Name, t.Effect, t.Target, t.Outcome, t.Detail)).ToArray(),
            ColumnMasks(statement, decision.Masks),
            decision.Masks.Where(m => m.Label is not null)
                .Select(m => new LabelMaskView(m.Label!, m.Masker, m.Arguments, m.Rule.ToString(), m.Rule.Name)).ToArray(),
            decision.Filters.Select(f => new FilterView(f.Table.ToString(), f.Predicate, f.Values, f.Rule.ToString(), f.Rule.Name)).ToArray(),
            index < context.ExecutedSql.Count ? context.ExecutedSql[index] : null,
            RowLimit(decision, context.Database?.Config.MaxRows));
    }

    private static ColumnMaskView[] ColumnMasks(StatementAnalysis statement, IReadOnlyList<MaskDirective> masks)
    {
        var columnMasks = masks.Where(m => m.Columns is not null).ToArray();
        return statement.Projection
            .Select(column => (column.Name, Selected: MaskSelector.Select(columnMasks, column.Sources, [])))
            .Where(pair => pair.Selected is not null)
            .Select(pair =>
            {
                var (mask, matchedBy) = pair.Selected!.Value;
                return new ColumnMaskView(pair.Name, mask.Masker, mask.Arguments, mask.Rule.ToString(), mask.Rule.Name, matchedBy);
            })
            .ToArray();
    }

    private static RowLimitView? RowLimit(Decision decision, long? maxRows)
    {
        if (maxRows is not { } max) return null;
        var cap = RowCap.For([decision], max);
        return cap.RuleLimit is null ? null : QueryResponseFactory.ToView(cap);
    }
}
