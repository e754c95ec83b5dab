using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Masking;

/// <summary>
/// Masks the columns of one result with plugin maskers, all in one plugin call (<see cref="PluginRun{T}"/>), each column
/// within <c>plugins.call_timeout_ms</c>. A column whose masker stalls past it is given up (its plugin is charged a fault
/// and isolated) and the columns after it carry on in a fresh call.
/// </summary>
internal static class PluginMaskerCall
{
    /// <returns>For each job, in order, the masked values or why its masker failed (the caller then redacts the column).</returns>
    public static async Task<ColumnMasking[]> MaskAsync(IReadOnlyList<ColumnMaskJob> jobs, object?[][] rows, int timeoutMs)
    {
        var outcomes = new ColumnMasking[jobs.Count];
        var first = 0;
        while (first < jobs.Count)
        {
            var end = await MaskFromAsync(jobs, rows, first, timeoutMs, outcomes);
            first = end + 1;
        }
        for (var job = 0; job < jobs.Count; job++)
        {
            if (outcomes[job].Faulted) jobs[job].Health.RecordFault();
            else jobs[job].Health.RecordSuccess();
        }
        return outcomes;
    }

    /// <returns>The last column this call settled: the last one, or the one it stalled on.</returns>
    private static async Task<int> MaskFromAsync(IReadOnlyList<ColumnMaskJob> jobs, object?[][] rows, int first, int timeoutMs, ColumnMasking[] outcomes)
    {
        var trusted = true;
        for (var job = first; job < jobs.Count; job++) trusted &= !jobs[job].Health.Isolated;
        var run = new MaskingRun(jobs, rows, first);
        PluginRun<bool>? call = null;
        call = new PluginRun<bool>(
            _ => new ValueTask<bool>(run.Execute(() => call!.RestartTimeout())), TimeSpan.FromMilliseconds(timeoutMs), trusted, CancellationToken.None);
        var end = jobs.Count - 1;
        try
        {
            await call;
        }
        catch (TimeoutException)
        {
            // The run may have moved on to the next column as the time ran out: the stalled one is where it is now.
            end = run.Current;
            while (!run.TakeBackAfter(end)) end = run.Current;
        }
        for (var job = first; job <= end; job++) outcomes[job] = run.OutcomeOf(job) ?? Stalled(jobs[job], timeoutMs);
        return end;
    }

    private static ColumnMasking Stalled(ColumnMaskJob job, int timeoutMs)
    {
        job.Health.Isolate();
        return ColumnMasking.Fault($"the masker did not answer within {timeoutMs} ms (plugins.call_timeout_ms)");
    }
}
