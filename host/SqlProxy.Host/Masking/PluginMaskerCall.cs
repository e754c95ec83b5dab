using SqlProxy.Host.Plugins;
using SqlProxy.Host.Upstream;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Masking;

/// <summary>
/// Masks one column with a plugin's masker, within <c>plugins.call_timeout_ms</c> for the whole column. The values are
/// masked into a copy off the request's thread, so a masker abandoned at its timeout cannot write into the result.
/// </summary>
internal static class PluginMaskerCall
{
    /// <returns>The masked values in row order, or why the masker failed (the caller then redacts the column).</returns>
    public static (object?[]? Values, string? Problem) Mask(
        IMasker masker, PluginHealth health, object?[][] rows, int index, IReadOnlyDictionary<string, string> arguments, int timeoutMs)
    {
        if (health.IsFaulty) return (null, "its plugin is faulty and is skipped until the plugins are reloaded");
        var masking = PluginThread.RunAsync<(object?[]?, string?)>(() =>
        {
            var problems = masker.ValidateArguments(arguments);
            if (problems is { Count: > 0 }) return new((null, string.Join(" ", problems)));
            return new((rows.Select(row => JsonValues.Normalize(masker.Mask(row[index], arguments))).ToArray(), null));
        });
        try
        {
            if (!masking.Wait(timeoutMs))
            {
                _ = masking.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                return Fault(health, $"the masker did not answer within {timeoutMs} ms (plugins.call_timeout_ms)");
            }
            health.RecordSuccess();
            return masking.Result;
        }
        catch (AggregateException e)
        {
            // Only the type: a masker's message may quote the value it was masking.
            return Fault(health, $"the masker threw {e.InnerException?.GetType().Name ?? e.GetType().Name}");
        }
    }

    private static (object?[]?, string?) Fault(PluginHealth health, string problem)
    {
        health.RecordFault();
        return (null, problem);
    }
}
