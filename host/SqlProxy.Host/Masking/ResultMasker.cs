using System.Collections.Concurrent;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Upstream;
using SqlProxy.Plugins.Maskers;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Masking;

/// <summary>
/// Masks the values of result columns covered by a mask directive. A masker that is unknown, refuses
/// the rule's arguments or throws fails closed: its column's values are redacted and the fault is logged.
/// So does a label mask when classification failed: every column no column mask covers is redacted.
/// A name is looked up among the built-in maskers, then the request's plugin maskers: a built-in wins a clash.
/// </summary>
internal sealed partial class ResultMasker(MaskerRegistry maskers, ILogger<ResultMasker> logger, int pluginTimeoutMs = 1000)
{
    private readonly ConcurrentDictionary<string, bool> clashesLogged = new(StringComparer.Ordinal);

    private static readonly IMasker FailClosed = new RedactMasker();
    private static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

    /// <param name="columns">The result columns with their provenance, in result order.</param>
    /// <param name="labels">Result column name → the labels classification gave it.</param>
    /// <param name="labelsComplete">False when a classifier failed, so a column may lack a label it should have.</param>
    public (ExecutionResult Result, IReadOnlyList<MaskedColumn> Masked) Apply(
        ExecutionResult result,
        IReadOnlyList<ResultColumn> columns,
        IReadOnlyDictionary<string, IReadOnlyList<string>> labels,
        IReadOnlyList<MaskDirective> masks,
        bool labelsComplete,
        string requestId,
        PluginSnapshot? plugins = null)
    {
        if (masks.Count == 0) return (result, []);
        var labelMask = labelsComplete ? null : masks.FirstOrDefault(m => m.Label is not null);
        var rows = result.Rows.Select(row => (object?[])row.Clone()).ToArray();
        var masked = new List<MaskedColumn>();
        for (var index = 0; index < columns.Count; index++)
        {
            var column = columns[index];
            if (MaskSelector.Select(masks, column.Sources, labels.GetValueOrDefault(column.Name) ?? []) is not { } selected)
            {
                if (labelMask is not null) masked.Add(Redact(rows, index, column.Name, labelMask));
                continue;
            }
            var (directive, matchedBy) = selected;
            var failed = !MaskColumn(rows, index, column.Name, directive, requestId, plugins);
            masked.Add(new MaskedColumn(column.Name, directive.Masker, directive.Rule, matchedBy, failed));
        }
        return (result with { Rows = rows }, masked);
    }

    /// <returns>False when the masker failed and the column was redacted instead.</returns>
    private bool MaskColumn(object?[][] rows, int index, string name, MaskDirective directive, string requestId, PluginSnapshot? plugins)
    {
        var masker = maskers.Find(directive.Masker);
        var fromPlugin = plugins?.Maskers.FirstOrDefault(m => PluginMaskerCall.NameOf(m) == directive.Masker);
        if (masker is not null && fromPlugin is not null && clashesLogged.TryAdd($"{plugins!.OwnerOf(fromPlugin)}/{directive.Masker}", true))
            LogClash(directive.Masker, plugins.OwnerOf(fromPlugin));
        if (masker is null && fromPlugin is not null)
        {
            var (values, pluginProblem) = PluginMaskerCall.Mask(fromPlugin, plugins!.HealthOf(fromPlugin), rows, index, directive.Arguments, pluginTimeoutMs);
            if (values is not null)
            {
                for (var row = 0; row < rows.Length; row++) rows[row][index] = values[row];
                return true;
            }
            return FailClosedOn(rows, index, name, directive, requestId, pluginProblem!);
        }
        var problem = masker is null
            ? $"no masker is named `{directive.Masker}`"
            : string.Join(" ", masker.ValidateArguments(directive.Arguments));
        if (problem.Length == 0)
        {
            try
            {
                foreach (var row in rows) row[index] = JsonValues.Normalize(masker!.Mask(row[index], directive.Arguments));
                return true;
            }
            catch (Exception e)
            {
                // Only the type: a masker's message may quote the value it was masking.
                problem = $"the masker threw {e.GetType().Name}";
            }
        }
        return FailClosedOn(rows, index, name, directive, requestId, problem);
    }

    private bool FailClosedOn(object?[][] rows, int index, string name, MaskDirective directive, string requestId, string problem)
    {
        LogFailedClosed(directive.Masker, directive.Rule.ToString(), name, requestId, problem);
        foreach (var row in rows) row[index] = FailClosed.Mask(row[index], NoArguments);
        return false;
    }

    private static MaskedColumn Redact(object?[][] rows, int index, string name, MaskDirective labelMask)
    {
        foreach (var row in rows) row[index] = FailClosed.Mask(row[index], NoArguments);
        return new MaskedColumn(name, labelMask.Masker, labelMask.Rule, $"label {labelMask.Label}, unknown because a classifier failed", FailedClosed: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} has a masker named {Masker} like a built-in one; rules naming it get the built-in")]
    private partial void LogClash(string masker, string plugin);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Masker {Masker} of rule {Rule} failed on column {Column} of request {RequestId}; its values were redacted: {Problem}")]
    private partial void LogFailedClosed(string masker, string rule, string column, string requestId, string problem);
}
