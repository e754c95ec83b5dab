using System.Collections.Concurrent;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>The dedicated threads plugin calls run on (<see cref="PluginThreadPool"/>), and <see cref="PluginCall"/> on them.</summary>
public sealed class PluginThreadPoolTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static PluginThreadPool Pool(int core, int max, TimeSpan? idle = null, TimeSpan? lifetime = null) =>
        new(core, max, grace: TimeSpan.FromMilliseconds(20), idleRetirement: idle ?? Generous, lifetime: lifetime ?? Generous);

    [Fact]
    public async Task Work_runs_on_a_plugin_thread_and_returns_its_result()
    {
        using var pool = Pool(core: 2, max: 4);
        var (value, thread) = await pool.Run(() => (21 * 2, Thread.CurrentThread)).WaitAsync(Generous);

        Assert.Equal(42, value);
        Assert.False(thread.IsThreadPoolThread);
        Assert.StartsWith("sqlproxy-plugin-", thread.Name);
    }

    [Fact]
    public async Task Asynchronous_work_starts_on_a_plugin_thread_and_ends_with_its_last_await()
    {
        using var pool = Pool(core: 1, max: 2);
        Thread? startedOn = null;

        var value = await pool.RunAsync(async () =>
        {
            startedOn = Thread.CurrentThread;
            await Task.Delay(20);
            return "done";
        }).WaitAsync(Generous);

        Assert.Equal("done", value);
        Assert.StartsWith("sqlproxy-plugin-", startedOn!.Name);
        await Assert.ThrowsAsync<ArgumentException>(() => pool.RunAsync<int>(async () =>
        {
            await Task.Yield();
            throw new ArgumentException("after an await");
        }).WaitAsync(Generous));
    }

    [Fact]
    public async Task An_exception_of_the_work_propagates_to_the_caller()
    {
        using var pool = Pool(core: 1, max: 2);
        var thrown = new InvalidDataException("from the plugin");

        var caught = await Assert.ThrowsAsync<InvalidDataException>(() => pool.Run(new Action(() => throw thrown)).WaitAsync(Generous));

        Assert.Same(thrown, caught);
        // The thread survives a throwing call.
        Assert.Equal(7, await pool.Run(() => 7).WaitAsync(Generous));
    }

    [Fact]
    public async Task Threads_are_reused_across_calls()
    {
        using var pool = Pool(core: 2, max: 8);
        // Thread objects, not ids: the runtime hands the id of a thread that ended to the next one.
        var threads = new ConcurrentDictionary<Thread, bool>();

        for (var i = 0; i < 200; i++) await pool.Run(() => threads[Thread.CurrentThread] = true).WaitAsync(Generous);

        Assert.InRange(threads.Count, 1, 2);
        Assert.InRange(pool.ThreadCount, 1, 2);
    }

    [Fact]
    public async Task An_idle_pool_ends_its_threads_and_starts_one_for_the_next_call()
    {
        using var pool = Pool(core: 2, max: 4, idle: TimeSpan.FromMilliseconds(50));
        var first = await pool.Run(() => Thread.CurrentThread).WaitAsync(Generous);

        var deadline = DateTime.UtcNow + Generous;
        while (pool.ThreadCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(0, pool.ThreadCount);
        Assert.False(first.IsAlive);
        var next = await pool.Run(() => Thread.CurrentThread).WaitAsync(Generous);
        Assert.NotSame(first, next);
    }

    [Fact]
    public async Task A_thread_hands_over_to_a_fresh_one_after_its_lifetime()
    {
        using var pool = Pool(core: 1, max: 2, lifetime: TimeSpan.FromMilliseconds(30));
        var threads = new List<Thread>();

        // The second call finds its thread older than its lifetime: after it, a fresh thread takes the third.
        for (var call = 0; call < 3; call++)
        {
            if (call > 0) await Task.Delay(60);
            threads.Add(await pool.Run(() => Thread.CurrentThread).WaitAsync(Generous));
        }

        Assert.NotSame(threads[0], threads[2]);
        Assert.InRange(pool.ThreadCount, 1, 2);
    }

    [Fact]
    public async Task A_blocked_thread_does_not_stop_a_later_call_from_running_within_the_timeout()
    {
        using var pool = Pool(core: 1, max: 4);
        using var release = new ManualResetEventSlim(false);
        var hung = pool.Run(() => release.Wait(Generous));
        try
        {
            // The only core thread is held: the next call runs on a thread the pool adds after its grace.
            var later = pool.Run(() => Environment.CurrentManagedThreadId);

            Assert.Same(later, await Task.WhenAny(later, Task.Delay(TimeSpan.FromSeconds(5))));
            Assert.Equal(2, pool.ThreadCount);
            Assert.False(hung.IsCompleted);
        }
        finally
        {
            release.Set();
        }
        Assert.True(await hung.WaitAsync(Generous));
    }

    [Fact]
    public async Task The_pool_grows_no_further_than_its_cap()
    {
        using var pool = Pool(core: 1, max: 2);
        using var release = new ManualResetEventSlim(false);
        var held = new[] { pool.Run(() => release.Wait(Generous)), pool.Run(() => release.Wait(Generous)) };
        var third = pool.Run(() => 3);
        try
        {
            // Long enough for the watchdog to have added threads many times over had it no cap.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.Equal(2, pool.ThreadCount);
            Assert.False(third.IsCompleted);
        }
        finally
        {
            release.Set();
        }
        Assert.Equal(3, await third.WaitAsync(Generous));
        await Task.WhenAll(held).WaitAsync(Generous);
    }

    [Fact]
    public async Task A_call_that_ignores_its_token_is_abandoned_at_the_timeout_and_keeps_its_thread()
    {
        using var release = new ManualResetEventSlim(false);
        var finished = new TaskCompletionSource();
        try
        {
            var started = DateTime.UtcNow;
            var error = await Assert.ThrowsAsync<TimeoutException>(() => PluginCall.RunAsync<int>(_ =>
            {
                release.Wait(Generous);
                finished.SetResult();
                return ValueTask.FromResult(1);
            }, timeoutMs: 200, health: null, CancellationToken.None));

            Assert.Contains("200 ms", error.Message);
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            Assert.False(finished.Task.IsCompleted);
        }
        finally
        {
            release.Set();
        }
        // The abandoned call was left running, not killed: it returns on its own thread.
        await finished.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_plugin_exception_propagates_through_a_call()
    {
        await Assert.ThrowsAsync<FormatException>(() =>
            PluginCall.RunAsync<int>(_ => throw new FormatException("bad"), timeoutMs: 5000, health: null, CancellationToken.None));
        Assert.Throws<FormatException>(() => PluginCall.Run<int>(() => throw new FormatException("bad"), timeoutMs: 5000));
    }

    [Fact]
    public async Task A_cancelled_request_cancels_the_call_rather_than_timing_it_out()
    {
        using var request = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PluginCall.RunAsync<int>(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return 1;
        }, timeoutMs: 20_000, health: null, request.Token));
    }
}
