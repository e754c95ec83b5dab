using SqlProxy.Host.Configuration;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Labels result columns that hold personal data. Each classifier sees the columns (with the
/// provenance the analysis found) and a sample of rows; a classifier that fails leaves the result
/// unclassified by it and is logged, never failing the request.
/// </summary>
internal sealed class ClassifyStage(IReadOnlyList<IClassifier> classifiers, ClassificationConfig config, ILogger<ClassifyStage> logger) : IQueryStage
{
    public string Name => "classify";

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        if (context.Result is not { Columns.Count: > 0 } result) return StageResult.Next(context);
        var columns = ResultProvenance.Columns(context.Statements, result);
        var sample = new ResultSample(columns, result.Rows.Take(config.SampleRows).Select(row => (IReadOnlyList<object?>)row).ToArray());

        var labels = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var complete = true;
        foreach (var classifier in classifiers)
        {
            try
            {
                foreach (var found in await classifier.ClassifyAsync(sample, cancellationToken))
                {
                    if (found.ColumnIndex < 0 || found.ColumnIndex >= columns.Count || string.IsNullOrWhiteSpace(found.Label)) continue;
                    var name = columns[found.ColumnIndex].Name;
                    if (!labels.TryGetValue(name, out var set)) labels[name] = set = new SortedSet<string>(StringComparer.Ordinal);
                    set.Add(found.Label);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Classifier {Classifier} failed; its labels are missing from request {RequestId}", classifier.Name, context.Request.RequestId);
                complete = false;
            }
        }
        return StageResult.Next(context with
        {
            Classifications = labels.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.ToArray()),
            ClassificationComplete = complete,
        });
    }
}
