using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.ConfigurationReload;

/// <summary>
/// SIGHUP reloads the configuration. The test host is not signalled (it would reach every test in the process): the
/// proxy's registered handler is called with the context the runtime would give it.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class ConfigReloadSignalTests(SampleDatabase sample)
{
    [Fact]
    public async Task The_sighup_handler_reloads_the_file_and_keeps_the_process_running()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        var signal = Assert.Single(proxy.Services.GetServices<IHostedService>().OfType<ConfigReloadSignal>());
        ConfigReloadTests.Edit(proxy, toml => toml + ConfigReloadTests.Newcomer);
        var context = new PosixSignalContext(PosixSignal.SIGHUP);

        signal.OnSignal(context);

        Assert.True(context.Cancel, "the default action of SIGHUP (ending the process) must be cancelled");
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync("sk-newcomer-reload-key", "SELECT id FROM orders LIMIT 1")).StatusCode);
    }

    [Fact]
    public async Task A_bad_file_on_sighup_changes_nothing()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        var signal = Assert.Single(proxy.Services.GetServices<IHostedService>().OfType<ConfigReloadSignal>());
        ConfigReloadTests.Edit(proxy, toml => toml.Replace("[server]", "[server]\ncolour = \"blue\"", StringComparison.Ordinal) + ConfigReloadTests.Newcomer);
        var context = new PosixSignalContext(PosixSignal.SIGHUP);

        signal.OnSignal(context);

        Assert.True(context.Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync("sk-newcomer-reload-key", "SELECT id FROM orders LIMIT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
    }
}
