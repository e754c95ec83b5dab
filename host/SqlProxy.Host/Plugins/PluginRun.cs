using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// One plugin call, awaited once, that ends at its timeout whether or not the plugin returns: the caller resumes on the
/// .NET pool when the call ends or at the timeout, and a plugin that hangs keeps only the thread it runs on. The call
/// starts when it is awaited, as a work item on the .NET thread pool when the caller trusts the plugin (see
/// <see cref="PluginHealth.Isolated"/>) and fewer than <see cref="SharedPoolCallLimit"/> such calls are running, else
/// on a thread of <see cref="PluginThreadPool.Shared"/>.
/// </summary>
/// <remarks>
/// On the .NET pool the call and the caller's continuation usually run on the same thread, one after the other: on two
/// cores the dedicated threads' wake-ups cost more than most plugin calls. The limit bounds how many .NET pool threads
/// plugins that start hanging can hold before their timeouts move them to the plugin threads.
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

    /// <summary>
    /// The most calls running on the .NET pool at once (one per core); more go to the plugin threads. The host keeps
    /// twice as many pool threads ready (<see cref="ReserveSharedPoolThreads"/>), so hung calls cannot starve the pool.
    /// </summary>
    public static readonly int SharedPoolCallLimit = Environment.ProcessorCount;

    /// <summary>Raises the .NET pool's minimum worker threads so that <see cref="SharedPoolCallLimit"/> hung calls leave as many threads free.</summary>
    public static void ReserveSharedPoolThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 2 * SharedPoolCallLimit), completionPorts);
    }

    private static int sharedPoolCalls;

    private readonly Func<CancellationToken, ValueTask<T>> work;
    private readonly TimeSpan limit;
    private readonly bool trusted;
    private readonly CancellationToken requestToken;
    private CancellationTokenSource? timeout;
    private CancellationTokenRegistration timeoutRegistration;
    private Action? continuation;
    private int state;
    private T? result;
    private ExceptionDispatchInfo? error;

    /// <param name="trusted">The plugin may run on the .NET pool; false: on a plugin thread.</param>
    public PluginRun(Func<CancellationToken, ValueTask<T>> work, TimeSpan limit, bool trusted, CancellationToken cancellationToken)
    {
        this.work = work;
        this.limit = limit;
        this.trusted = trusted;
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
        if (trusted) ThreadPool.UnsafeQueueUserWorkItem(static run => run.ExecuteOnSharedPool(), this, preferLocal: true);
        else PluginThreadPool.Shared.Post(Execute);
    }

    private void ExecuteOnSharedPool()
    {
        if (Interlocked.Increment(ref sharedPoolCalls) > SharedPoolCallLimit)
        {
            // As many .NET pool threads are in plugin code already (maybe hung): this call takes a plugin thread.
            Interlocked.Decrement(ref sharedPoolCalls);
            PluginThreadPool.Shared.Post(Execute);
            return;
        }
        try
        {
            Execute();
        }
        finally
        {
            Interlocked.Decrement(ref sharedPoolCalls);
        }
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
        // The caller's code must not run on a plugin thread, nor on the plugin's own I/O thread: it goes to the .NET pool
        // (to this thread's own queue when the call ran on the pool, so it usually runs next, on this thread).
        Resume();
    }

    private void OnTimeout()
    {
        var ended = requestToken.IsCancellationRequested ? Cancelled : TimedOut;
        if (Interlocked.CompareExchange(ref state, ended, Running) == Running) Resume();
    }

    private void Resume() => ThreadPool.UnsafeQueueUserWorkItem(static next => next(), continuation!, preferLocal: true);
}
