using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>
/// Where a plugin call runs (<see cref="PluginRun{T}"/> through <see cref="PluginCall"/>): a trusted plugin on the .NET
/// pool, an isolated one on the plugin threads, and a plugin that times out becomes isolated.
/// </summary>
public sealed class PluginRunTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_trusted_plugin_runs_on_the_dotnet_pool_and_an_isolated_one_on_a_plugin_thread()
    {
        var health = new PluginHealth();

        var trusted = await PluginCall.RunAsync(_ => ValueTask.FromResult(Thread.CurrentThread), 5000, health, CancellationToken.None);
        health.Isolate();
        var isolated = await PluginCall.RunAsync(_ => ValueTask.FromResult(Thread.CurrentThread), 5000, health, CancellationToken.None);
        var sink = await PluginCall.RunAsync(_ => ValueTask.FromResult(Thread.CurrentThread), 5000, health: null, CancellationToken.None);

        Assert.True(trusted.IsThreadPoolThread);
        Assert.StartsWith("sqlproxy-plugin-", isolated.Name);
        Assert.StartsWith("sqlproxy-plugin-", sink.Name);
    }

    [Fact]
    public async Task A_trusted_call_that_hangs_is_abandoned_at_the_timeout_and_its_plugin_is_isolated()
    {
        var health = new PluginHealth();
        using var release = new ManualResetEventSlim(false);
        var finished = new TaskCompletionSource();
        try
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => PluginCall.RunAsync(_ =>
            {
                release.Wait(Generous);
                finished.SetResult();
                return ValueTask.FromResult(1);
            }, timeoutMs: 200, health, CancellationToken.None));

            Assert.Contains("200 ms", error.Message);
            Assert.False(finished.Task.IsCompleted);
            Assert.True(health.Isolated);
        }
        finally
        {
            release.Set();
        }
        await finished.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task More_hung_trusted_calls_than_the_limit_leave_the_dotnet_pool_serving()
    {
        using var release = new ManualResetEventSlim(false);
        var hung = Enumerable.Range(0, PluginRun<int>.SharedPoolCallLimit + 2).Select(_ => PluginCall.RunAsync(_ =>
        {
            release.Wait(Generous);
            return ValueTask.FromResult(0);
        }, timeoutMs: 20_000, new PluginHealth(), CancellationToken.None)).ToArray();
        try
        {
            // Every hung call holds a thread; the pool still runs other work, and so do the plugin threads.
            Assert.Equal(7, await Task.Run(() => 7).WaitAsync(Generous));
            Assert.Equal(8, await PluginCall.RunAsync(_ => ValueTask.FromResult(8), 20_000, new PluginHealth(), CancellationToken.None).WaitAsync(Generous));
        }
        finally
        {
            release.Set();
        }
        await Task.WhenAll(hung).WaitAsync(Generous);
    }

    [Fact]
    public async Task A_run_of_steps_that_restarts_its_timeout_may_take_longer_than_one_timeout_in_all()
    {
        PluginRun<int>? run = null;
        run = new PluginRun<int>(_ =>
        {
            for (var step = 0; step < 4; step++)
            {
                run!.RestartTimeout();
                Thread.Sleep(400);
            }
            return ValueTask.FromResult(4);
        }, TimeSpan.FromMilliseconds(1000), trusted: false, CancellationToken.None);

        Assert.Equal(4, await run);
        await Assert.ThrowsAsync<TimeoutException>(async () => await new PluginRun<int>(_ =>
        {
            Thread.Sleep(1600);
            return ValueTask.FromResult(1);
        }, TimeSpan.FromMilliseconds(1000), trusted: false, CancellationToken.None));
    }
}
