using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// A small pool of dedicated threads, apart from the .NET thread pool, that runs plugin code. A busy or starved .NET
/// pool cannot delay the start of a plugin call past its timeout, and a plugin that blocks holds one of these threads,
/// never a pool thread. Up to <see cref="CoreThreads"/> threads consume a queue, started as calls arrive; when a call
/// has waited longer than <see cref="Grace"/> (every thread busy, e.g. blocked by hung plugins) a watchdog adds a
/// thread, up to <see cref="MaxThreads"/>, so a hung plugin costs its callers only their timeout. An abandoned call
/// keeps its thread until it returns.
/// </summary>
/// <remarks>
/// Threads are reused, but not for long: a thread ends once it has been idle for <see cref="IdleRetirement"/>, and a
/// busy one hands over to a fresh thread once it has lived <see cref="Lifetime"/>: a precaution, since state bound to a
/// thread that ran a plugin's code can keep the plugin's load context reachable while the thread lives (seen with
/// plugin loads run on reused threads, which therefore stay on threads of their own: see <see cref="PluginThread"/>).
/// </remarks>
internal sealed class PluginThreadPool : IDisposable
{
    private readonly ConcurrentQueue<WorkItem> queue = new();
    private readonly WorkSignal queued = new();
    // The watchdog sleeps here while nothing is queued, so an idle host has no thread waking up.
    private readonly ManualResetEventSlim wakeWatchdog = new(false);
    private int threads;
    private int idle;
    private int watchdogParked;
    private int nextThreadNumber;
    private volatile bool disposed;

    /// <param name="coreThreads">Threads started for calls as they arrive, before the watchdog adds any.</param>
    /// <param name="maxThreads">The most threads, counting those held by abandoned calls.</param>
    /// <param name="grace">How long a queued call may wait for a thread before one is added.</param>
    /// <param name="idleRetirement">How long a thread stays idle before it ends.</param>
    /// <param name="lifetime">How long a thread serves before a fresh one takes over.</param>
    public PluginThreadPool(int coreThreads, int maxThreads, TimeSpan grace, TimeSpan idleRetirement, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(coreThreads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, coreThreads);
        CoreThreads = coreThreads;
        MaxThreads = maxThreads;
        Grace = grace;
        IdleRetirement = idleRetirement;
        Lifetime = lifetime;
        new Thread(Watch) { IsBackground = true, Name = "sqlproxy-plugin-watchdog" }.UnsafeStart();
    }

    /// <summary>
    /// The host's pool: up to twice the cores (at least 4) at once, growing to 256 while plugins hang; a thread ends
    /// after 10 s idle or 60 s of service.
    /// </summary>
    public static PluginThreadPool Shared { get; } = new(
        Math.Max(4, Environment.ProcessorCount * 2), 256, TimeSpan.FromMilliseconds(20),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    public int CoreThreads { get; }

    public int MaxThreads { get; }

    public TimeSpan Grace { get; }

    public TimeSpan IdleRetirement { get; }

    public TimeSpan Lifetime { get; }

    /// <summary>Threads alive now, idle or busy.</summary>
    public int ThreadCount => Volatile.Read(ref threads);

    /// <summary>Runs <paramref name="work"/> on a pool thread; the task ends as the work does, with its result or exception.</summary>
    public Task<T> Run<T>(Func<T> work) => RunAsync(() => new ValueTask<T>(work()));

    /// <summary>
    /// Starts asynchronous plugin code on a pool thread: the code up to its first incomplete await runs there (so a
    /// plugin that blocks before awaiting holds a plugin thread, not its caller); the rest runs wherever it resumes.
    /// The task ends as the work does.
    /// </summary>
    public Task<T> RunAsync<T>(Func<ValueTask<T>> work)
    {
        var item = new WorkItem<T>(work);
        Enqueue(item);
        return item.Completion.Task;
    }

    /// <summary>Runs <paramref name="work"/> on a pool thread, with the caller's execution context; it must not throw.</summary>
    public void Post(Action work) => Enqueue(new ActionItem(work));

    /// <inheritdoc cref="Run{T}(Func{T})"/>
    public Task Run(Action work) => Run<bool>(() =>
    {
        work();
        return true;
    });

    public void Dispose()
    {
        disposed = true;
        queued.Release(Volatile.Read(ref threads) + 1);
        wakeWatchdog.Set();
    }

    private void Enqueue(WorkItem item)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        queue.Enqueue(item);
        queued.Release();
        // No thread waiting: start one now rather than after the watchdog's grace.
        if (Volatile.Read(ref idle) == 0 && Volatile.Read(ref threads) < CoreThreads) StartThread();
        if (Volatile.Read(ref watchdogParked) == 1) wakeWatchdog.Set();
    }

    private void StartThread()
    {
        Interlocked.Increment(ref threads);
        var number = Interlocked.Increment(ref nextThreadNumber);
        new Thread(Work) { IsBackground = true, Name = $"sqlproxy-plugin-{number}" }.UnsafeStart();
    }

    private void Work()
    {
        var born = Stopwatch.GetTimestamp();
        while (!disposed)
        {
            Interlocked.Increment(ref idle);
            var called = queued.Wait(IdleRetirement);
            Interlocked.Decrement(ref idle);
            // Idle long enough; but a call queued as the wait ended may have counted on this thread.
            if (!called && queue.IsEmpty) break;
            if (!called) continue;
            RunNext();
            if (Stopwatch.GetElapsedTime(born) < Lifetime) continue;
            // Served long enough: a fresh thread takes over (counted before this one leaves, so the pool never runs dry).
            StartThread();
            break;
        }
        Interlocked.Decrement(ref threads);
    }

    // A method of its own, so no reference to the finished call lingers in the idle thread's frame: it would keep the
    // plugin's load context from unloading after a reload.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunNext()
    {
        if (queue.TryDequeue(out var item)) item.Run();
    }

    /// <summary>
    /// Adds a thread whenever the oldest queued call has waited past the grace. While work flows it checks once per
    /// grace; after a quiet spell it parks until the next call is queued.
    /// </summary>
    private void Watch()
    {
        var quietRounds = 0;
        while (!disposed)
        {
            if (quietRounds >= 50) Park();
            Thread.Sleep(Grace);
            if (OldestWait() is { } waited)
            {
                quietRounds = 0;
                if (waited >= Grace && Volatile.Read(ref threads) < MaxThreads) StartThread();
            }
            else quietRounds++;
        }
    }

    // Not inlined, for the reason given at RunNext: the watchdog's frame must not hold a call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private TimeSpan? OldestWait() => queue.TryPeek(out var oldest) ? Stopwatch.GetElapsedTime(oldest.QueuedAt) : null;

    private void Park()
    {
        wakeWatchdog.Reset();
        Interlocked.Exchange(ref watchdogParked, 1);
        // A call queued before the flag was set did not wake us: look once more before sleeping.
        if (queue.IsEmpty && !disposed) wakeWatchdog.Wait();
        Interlocked.Exchange(ref watchdogParked, 0);
    }

    private abstract class WorkItem
    {
        public long QueuedAt { get; } = Stopwatch.GetTimestamp();

        public abstract void Run();
    }

    private sealed class ActionItem(Action work) : WorkItem
    {
        private Action? work = work;
        private ExecutionContext? context = ExecutionContext.Capture();

        public override void Run()
        {
            // As in WorkItem<T>: nothing of the call may outlive it here.
            var call = work!;
            var captured = context;
            work = null;
            context = null;
            if (captured is null) call();
            else ExecutionContext.Run(captured, static state => ((Action)state!)(), call);
        }
    }

    private sealed class WorkItem<T> : WorkItem
    {
        private Func<ValueTask<T>>? work;
        // The caller's context (e.g. Activity.Current) flows to the plugin, as it would with Task.Run.
        private ExecutionContext? context = ExecutionContext.Capture();

        public WorkItem(Func<ValueTask<T>> work) => this.work = work;

        // Continuations must not run on a plugin thread: the caller's code would hold it.
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run()
        {
            var captured = context;
            if (captured is null) Execute();
            else ExecutionContext.Run(captured, static state => ((WorkItem<T>)state!).Execute(), this);
        }

        private void Execute()
        {
            // The item may outlive the call (a queue slot, a caller's reference): it must not keep the plugin's code alive.
            var call = work!;
            work = null;
            context = null;
            try
            {
                var pending = call();
                if (pending.IsCompletedSuccessfully) Completion.SetResult(pending.Result);
                else _ = ForwardAsync(pending);
            }
            catch (Exception e)
            {
                Completion.SetException(e);
            }
        }

        private async Task ForwardAsync(ValueTask<T> pending)
        {
            try
            {
                Completion.SetResult(await pending.ConfigureAwait(false));
            }
            catch (OperationCanceledException e)
            {
                Completion.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                Completion.SetException(e);
            }
        }
    }
}
