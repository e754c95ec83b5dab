using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// One plugin call, awaited once, that ends at its timeout whether or not the plugin returns. The call starts on a thread
/// of <see cref="PluginThreadPool.Shared"/> when it is awaited, and the caller resumes on the .NET pool when it ends, or
/// at the timeout: a plugin that hangs keeps only the plugin thread it runs on.
/// </summary>
/// <remarks>
/// One timer serves both the plugin's token (cancelled at the timeout, or with the request) and the caller's wait; for
/// work made of steps each with its own time, <see cref="RestartTimeout"/> starts the time again. Plugin code never runs
/// on the awaiting thread: every synchronous caller up its stack would be stuck with it, past any timeout.
/// </remarks>
internal sealed class PluginRun<T> : ICriticalNotifyCompletion
{
    private const int Running = 0;
    private const int Finished = 1;
    private const int TimedOut = 2;
    private const int Cancelled = 3;

    private readonly Func<CancellationToken, ValueTask<T>> work;
    private readonly TimeSpan limit;
    private readonly CancellationToken requestToken;
    private CancellationTokenSource? timeout;
    private CancellationTokenRegistration timeoutRegistration;
    private Action? continuation;
    private int state;
    private T? result;
    private ExceptionDispatchInfo? error;

    public PluginRun(Func<CancellationToken, ValueTask<T>> work, TimeSpan limit, CancellationToken cancellationToken)
    {
        this.work = work;
        this.limit = limit;
        requestToken = cancellationToken;
    }

    public bool IsCompleted => false;

    public PluginRun<T> GetAwaiter() => this;

    /// <summary>Gives the call its whole time again from now.</summary>
    public void RestartTimeout() => timeout?.CancelAfter(limit);

    /// <exception cref="TimeoutException">The call did not finish in time.</exception>
    /// <exception cref="OperationCanceledException">The request was cancelled.</exception>
    public T GetResult()
    {
        switch (Volatile.Read(ref state))
        {
            case Finished:
                timeoutRegistration.Dispose();
                timeout!.Dispose();
                error?.Throw();
                return result!;
            case TimedOut:
                throw new TimeoutException($"it did not answer within {limit.TotalMilliseconds:0} ms (plugins.call_timeout_ms)");
            default:
                throw new OperationCanceledException(requestToken);
        }
    }

    public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

    public void UnsafeOnCompleted(Action continuation)
    {
        this.continuation = continuation;
        timeout = CancellationTokenSource.CreateLinkedTokenSource(requestToken);
        timeout.CancelAfter(limit);
        timeoutRegistration = timeout.Token.UnsafeRegister(static run => ((PluginRun<T>)run!).OnTimeout(), this);
        PluginThreadPool.Shared.Post(Execute);
    }

    private void Execute()
    {
        if (Volatile.Read(ref state) != Running) return;
        ValueTask<T> pending;
        try
        {
            pending = work(timeout!.Token);
        }
        catch (Exception e)
        {
            Complete(default, ExceptionDispatchInfo.Capture(e));
            return;
        }
        if (pending.IsCompleted)
        {
            CompleteFrom(pending.ConfigureAwait(false).GetAwaiter());
            return;
        }
        // Truly asynchronous: it ends on whatever thread the plugin's last await resumes on.
        var awaiter = pending.ConfigureAwait(false).GetAwaiter();
        awaiter.UnsafeOnCompleted(() => CompleteFrom(awaiter));
    }

    private void CompleteFrom(ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter awaiter)
    {
        try
        {
            Complete(awaiter.GetResult(), null);
        }
        catch (Exception e)
        {
            Complete(default, ExceptionDispatchInfo.Capture(e));
        }
    }

    private void Complete(T? value, ExceptionDispatchInfo? thrown)
    {
        if (Interlocked.CompareExchange(ref state, Finished, Running) != Running) return; // too late: the caller has moved on
        result = value;
        error = thrown;
        // The caller's code must not run on a plugin thread, nor on the plugin's own I/O thread.
        Resume();
    }

    private void OnTimeout()
    {
        var ended = requestToken.IsCancellationRequested ? Cancelled : TimedOut;
        if (Interlocked.CompareExchange(ref state, ended, Running) == Running) Resume();
    }

    private void Resume() => ThreadPool.UnsafeQueueUserWorkItem(static next => next(), continuation!, preferLocal: false);
}
