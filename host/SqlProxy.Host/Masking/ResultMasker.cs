using SqlProxy.Host.Plugins;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Masking;

/// <summary>
/// Masks the values of result columns covered by a mask directive with the request's plugin maskers (the built-in
/// ones are plugins too; the first plugin to offer a name has it). A masker that is unknown, refuses the rule's
/// arguments, throws, hangs or is faulty fails closed: its column's values are redacted and the fault is logged.
/// So does a label mask when classification failed: every column no column mask covers is redacted.
/// </summary>
internal sealed partial class ResultMasker(ILogger<ResultMasker> logger, int pluginTimeoutMs = 1000)
{
    /// <summary>What a column whose masker failed shows instead of each non-null value.</summary>
    public const string Redacted = "[REDACTED]";

    /// <param name="columns">The result columns with their provenance, in result order.</param>
    /// <param name="labels">Result column name → the labels classification gave it.</param>
    /// <param name="labelsComplete">False when a classifier failed, so a column may lack a label it should have.</param>
    public async Task<(ExecutionResult Result, IReadOnlyList<MaskedColumn> Masked)> ApplyAsync(
        ExecutionResult result,
        IReadOnlyList<ResultColumn> columns,
        IReadOnlyDictionary<string, IReadOnlyList<string>> labels,
        IReadOnlyList<MaskDirective> masks,
        bool labelsComplete,
        string requestId,
        PluginSnapshot? plugins)
    {
        if (masks.Count == 0) return (result, []);
        var labelMask = labelsComplete ? null : masks.FirstOrDefault(m => m.Label is not null);
        var rows = result.Rows.Select(row => (object?[])row.Clone()).ToArray();
        var masked = new List<MaskedColumn>();
        var jobs = new List<(ColumnMaskJob Job, int Entry)>();
        for (var index = 0; index < columns.Count; index++)
        {
            var column = columns[index];
            if (MaskSelector.Select(masks, column.Sources, labels.GetValueOrDefault(column.Name) ?? []) is not { } selected)
            {
                if (labelMask is not null) masked.Add(Redact(rows, index, column.Name, labelMask));
                continue;
            }
            var (directive, matchedBy) = selected;
            var entry = new MaskedColumn(column.Name, directive.Masker, directive.Rule, matchedBy, FailedClosed: false);
            var masker = plugins?.Maskers.FirstOrDefault(m => PluginFaults.NameOf(() => m.Name) == directive.Masker);
            if (masker is null) entry = FailClosedOn(rows, index, entry, requestId, $"no loaded plugin has a masker named `{directive.Masker}`");
            else if (plugins!.HealthOf(masker).IsFaulty) entry = FailClosedOn(rows, index, entry, requestId, "its plugin is faulty and is skipped until the plugins are reloaded");
            else jobs.Add((new ColumnMaskJob(masker, plugins.HealthOf(masker), index, directive.Arguments), masked.Count));
            masked.Add(entry);
        }
        if (jobs.Count > 0)
        {
            var outcomes = await PluginMaskerCall.MaskAsync(jobs.Select(j => j.Job).ToArray(), rows, pluginTimeoutMs);
            for (var i = 0; i < jobs.Count; i++)
            {
                var (job, entry) = jobs[i];
                if (outcomes[i].Values is { } values)
                    for (var row = 0; row < rows.Length; row++) rows[row][job.Index] = values[row];
                else masked[entry] = FailClosedOn(rows, job.Index, masked[entry], requestId, outcomes[i].Problem!);
            }
        }
        return (result with { Rows = rows }, masked);
    }

    private MaskedColumn FailClosedOn(object?[][] rows, int index, MaskedColumn entry, string requestId, string problem)
    {
        LogFailedClosed(entry.Masker, entry.Rule.ToString(), entry.Name, requestId, problem);
        RedactColumn(rows, index);
        return entry with { FailedClosed = true };
    }

    private static void RedactColumn(object?[][] rows, int index)
    {
        foreach (var row in rows) row[index] = row[index] is null or DBNull ? null : Redacted;
    }

    private static MaskedColumn Redact(object?[][] rows, int index, string name, MaskDirective labelMask)
    {
        RedactColumn(rows, index);
        return new MaskedColumn(name, labelMask.Masker, labelMask.Rule, $"label {labelMask.Label}, unknown because a classifier failed", FailedClosed: true);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Masker {Masker} of rule {Rule} failed on column {Column} of request {RequestId}; its values were redacted: {Problem}")]
    private partial void LogFailedClosed(string masker, string rule, string column, string requestId, string problem);
}
