using SqlProxy.Host.Configuration;
using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Labels result columns that hold personal data. Each classifier of the request's plugins (the built-in ones too) sees the
/// columns (with the provenance the analysis found) and a sample of rows. A classifier that fails, runs past
/// <c>plugins.call_timeout_ms</c> or is skipped as faulty leaves the result unclassified by it and is logged, never
/// failing the request.
/// </summary>
internal sealed partial class ClassifyStage(ClassificationConfig config, PluginsConfig plugins, ILogger<ClassifyStage> logger) : IQueryStage
{
    public string Name => "classify";

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        if (context.Result is not { Columns.Count: > 0 } result) return StageResult.Next(context);
        var columns = ResultProvenance.Columns(context.Statements, result);
        var sample = new ResultSample(columns, result.Rows.Take(config.SampleRows).Select(row => (IReadOnlyList<object?>)row).ToArray());

        var labels = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var complete = true;
        foreach (var classifier in context.Plugins?.Classifiers ?? [])
            complete &= await RunPluginAsync(classifier, context, sample, labels, cancellationToken);
        return StageResult.Next(context with
        {
            Classifications = labels.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.ToArray()),
            ClassificationComplete = complete,
        });
    }

    /// <returns>False when the classifier faulted, timed out or was skipped as faulty.</returns>
    private async Task<bool> RunPluginAsync(
        IClassifier classifier, QueryContext context, ResultSample sample, SortedDictionary<string, SortedSet<string>> labels, CancellationToken cancellationToken)
    {
        var snapshot = context.Plugins!;
        var plugin = snapshot.OwnerOf(classifier);
        var health = snapshot.HealthOf(classifier);
        if (health.IsFaulty)
        {
            LogSkipped(plugin, context.Request.RequestId);
            return false;
        }
        try
        {
            var found = await PluginCall.RunAsync(token => classifier.ClassifyAsync(sample, token), plugins.CallTimeoutMs, health, cancellationToken);
            Collect(labels, sample.Columns, found ?? []);
            health.RecordSuccess();
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogPluginFailed(plugin, context.Request.RequestId, PluginFaults.Describe(e));
            if (health.RecordFault()) LogFaulty(plugin, PluginHealth.FaultLimit);
            return false;
        }
    }

    private static void Collect(SortedDictionary<string, SortedSet<string>> labels, IReadOnlyList<ResultColumn> columns, IReadOnlyList<ColumnClassification> found)
    {
        foreach (var one in found)
        {
            // A plugin may return garbage: null entries, columns out of range, empty labels.
            if (one is null || one.ColumnIndex < 0 || one.ColumnIndex >= columns.Count || string.IsNullOrWhiteSpace(one.Label)) continue;
            var name = columns[one.ColumnIndex].Name;
            if (!labels.TryGetValue(name, out var set)) labels[name] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(one.Label);
        }
    }

    [LoggerMessage(LogLevel.Error, "A classifier of plugin {Plugin} failed; its labels are missing from request {RequestId}: {Problem}")]
    private partial void LogPluginFailed(string plugin, string requestId, string problem);

    [LoggerMessage(LogLevel.Warning, "Plugin {Plugin} is faulty; its classifier was skipped for request {RequestId}")]
    private partial void LogSkipped(string plugin, string requestId);

    [LoggerMessage(LogLevel.Error, "Plugin {Plugin} failed {Faults} times in a row and is now faulty: it is skipped until the plugins are reloaded")]
    private partial void LogFaulty(string plugin, int faults);
}
