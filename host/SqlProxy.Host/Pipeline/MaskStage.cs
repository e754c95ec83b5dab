using SqlProxy.Host.Masking;
using SqlProxy.Rules;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Masks result columns as the mask rules in force say, after classification (label masks need the
/// labels, and classifiers see the values unmasked). A column is masked by the first directive in
/// rule order whose columns cover its provenance or whose label it carries.
/// </summary>
internal sealed class MaskStage(ResultMasker masker) : IQueryStage
{
    public string Name => "mask";

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        if (context.Result is not { Columns.Count: > 0 } result) return StageResult.Next(context);
        var masks = MasksInForce(context);
        if (masks.Count == 0) return StageResult.Next(context);
        var columns = ResultProvenance.ForMasking(context.Statements, result);
        var (maskedResult, masked) = await masker.ApplyAsync(
            result, columns, context.Classifications, masks, context.ClassificationComplete, context.Request.RequestId, context.Plugins);
        return StageResult.Next(context with { Result = maskedResult, MaskedColumns = masked });
    }

    /// <summary>
    /// The masks of the statement whose rows are returned, then any other statement's not already
    /// listed: should the rows come from another statement, its masks still apply.
    /// </summary>
    internal static IReadOnlyList<MaskDirective> MasksInForce(QueryContext context)
    {
        var decisions = context.StatementDecisions;
        var returning = ResultProvenance.ReturningStatement(context.Statements);
        var ordered = returning >= 0 && returning < decisions.Count
            ? decisions.Skip(returning).Take(1).Concat(decisions.Where((_, i) => i != returning))
            : decisions;
        return ordered.SelectMany(d => d.Masks).Distinct().ToArray();
    }
}
