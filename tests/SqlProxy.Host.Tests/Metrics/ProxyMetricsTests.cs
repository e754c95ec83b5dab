using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using SqlProxy.Host.Metrics;
using SqlProxy.Host.Tests.Plugins;

namespace SqlProxy.Host.Tests.Metrics;

/// <summary>Every host gets a registry of its own, so hosts built side by side in one process do not collide.</summary>
public sealed class ProxyMetricsTests : IDisposable
{
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task Each_host_has_its_own_registry_never_the_default_one()
    {
        await using var first = Services();
        await using var second = Services();

        var firstRegistry = first.GetRequiredService<CollectorRegistry>();
        var secondRegistry = second.GetRequiredService<CollectorRegistry>();
        // Registering the same metric names twice in one registry would throw here.
        first.GetRequiredService<PluginSnapshotMetrics>();
        second.GetRequiredService<PluginSnapshotMetrics>();
        first.GetRequiredService<PluginMetrics>().RecordReload(swapped: true);
        second.GetRequiredService<PluginMetrics>();

        Assert.NotSame(firstRegistry, secondRegistry);
        Assert.NotSame(Prometheus.Metrics.DefaultRegistry, firstRegistry);
        Assert.Same(firstRegistry, first.GetRequiredService<CollectorRegistry>());
        var swapped = Scrape.Series("sqlproxy_plugin_reloads_total", ("outcome", "swapped"));
        Assert.Equal(1, (await Scrape.OfAsync(firstRegistry)).ValueOf(swapped));
        Assert.Equal(0, (await Scrape.OfAsync(secondRegistry)).ValueOf(swapped));
        Assert.Equal(0, (await Scrape.OfAsync(secondRegistry)).ValueOf("sqlproxy_plugins_loaded"));
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ => plugins.Catalog());
        services.AddProxyMetrics();
        return services.BuildServiceProvider();
    }

    public void Dispose() => plugins.Dispose();
}
