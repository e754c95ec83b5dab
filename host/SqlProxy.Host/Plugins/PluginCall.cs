namespace SqlProxy.Host.Plugins;

/// <summary>
/// Calls one plugin extension within <c>plugins.call_timeout_ms</c>. The call's token is cancelled at the timeout, and a
/// call that ignores its token is abandoned there (left to finish on its own), so a hung plugin costs one timeout.
/// </summary>
internal static class PluginCall
{
    /// <param name="health">
    /// The plugin's health, for a call on the request path: unless the plugin is <see cref="PluginHealth.Isolated"/> the
    /// call may run on the .NET pool (<see cref="PluginRun{T}"/>), and a timeout isolates it. Null: always on a plugin
    /// thread (audit sinks: off the request path, and blocking on I/O).
    /// </param>
    /// <exception cref="TimeoutException">The call did not finish in time.</exception>
    /// <exception cref="OperationCanceledException">The request was cancelled.</exception>
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, ValueTask<T>> call, int timeoutMs, PluginHealth? health, CancellationToken cancellationToken)
    {
        var trusted = health is { Isolated: false };
        try
        {
            return await new PluginRun<T>(call, TimeSpan.FromMilliseconds(timeoutMs), trusted, cancellationToken);
        }
        catch (TimeoutException) when (health is not null)
        {
            health.Isolate();
            throw;
        }
    }

    /// <summary>Runs a synchronous plugin member (a property, a check) within the timeout.</summary>
    /// <exception cref="TimeoutException">The call did not finish in time.</exception>
    /// <exception cref="Exception">Whatever the plugin threw.</exception>
    public static T Run<T>(Func<T> call, int timeoutMs)
    {
        var running = PluginThread.Run(call);
        try
        {
            if (running.Wait(timeoutMs)) return running.Result;
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
        _ = running.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        throw new TimeoutException($"it did not answer within {timeoutMs} ms (plugins.call_timeout_ms)");
    }
}
