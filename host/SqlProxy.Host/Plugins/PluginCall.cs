namespace SqlProxy.Host.Plugins;

/// <summary>
/// Calls one plugin extension within <c>plugins.call_timeout_ms</c>. The call's token is cancelled at the timeout, and a
/// call that ignores its token is abandoned there (left to finish on its own), so a hung plugin costs one timeout.
/// </summary>
internal static class PluginCall
{
    /// <exception cref="TimeoutException">The call did not finish in time.</exception>
    /// <exception cref="OperationCanceledException">The request was cancelled.</exception>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> call, int timeoutMs, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutMs);
        // On a plugin thread: a plugin that blocks before its first await must not block the request's thread past the timeout.
        var running = PluginThread.RunAsync(() => call(timeout.Token));
        try
        {
            // One timer serves both: the token the plugin sees and the wait that abandons a plugin ignoring it.
            return await running.WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _ = running.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new TimeoutException($"it did not answer within {timeoutMs} ms (plugins.call_timeout_ms)");
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
