using Prometheus;
using SqlProxy.Host.Metrics;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Tests.Plugins;

namespace SqlProxy.Host.Tests.Metrics;

/// <summary>The plugin gauges describe the serving snapshot at each scrape, and forget plugins a reload dropped.</summary>
public sealed class PluginSnapshotMetricsTests : IDisposable
{
    private const string Good = "fixture_good";
    private const string Gatekeeper = "gatekeeper";
    private readonly PluginDirectory plugins = new();
    private readonly CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();

    [Fact]
    public async Task A_scrape_counts_the_loaded_plugins_and_failed_folders_and_shows_each_plugin_loaded()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await plugins.AddAsync(FixturePlugins.FromTheFuture);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        _ = new PluginSnapshotMetrics(registry, catalog);

        var scrape = await Scrape.OfAsync(registry);

        Assert.Equal(2, scrape.ValueOf("sqlproxy_plugins_loaded"));
        Assert.Equal(1, scrape.ValueOf("sqlproxy_plugin_failed_folders"));
        foreach (var plugin in new[] { Good, Gatekeeper })
        {
            Assert.Equal(1, scrape.StateOf(plugin, "loaded"));
            Assert.Equal(0, scrape.StateOf(plugin, "faulty"));
            Assert.Equal(0, scrape.FaultsOf(plugin));
        }
        Assert.Contains("# TYPE sqlproxy_plugin_state gauge", scrape.Text);
    }

    [Fact]
    public async Task A_plugin_that_faulted_until_it_is_faulty_shows_as_faulty_with_its_faults()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        _ = new PluginSnapshotMetrics(registry, catalog);
        Assert.Equal(1, (await Scrape.OfAsync(registry)).StateOf(Gatekeeper, "loaded"));

        var health = catalog.Current.HealthOfPlugin(Gatekeeper);
        for (var fault = 0; fault < PluginHealth.FaultLimit; fault++) health.RecordFault();
        var scrape = await Scrape.OfAsync(registry);

        Assert.Equal(1, scrape.StateOf(Gatekeeper, "faulty"));
        Assert.Equal(0, scrape.StateOf(Gatekeeper, "loaded"));
        Assert.Equal(PluginHealth.FaultLimit, scrape.FaultsOf(Gatekeeper));
        Assert.Equal(1, scrape.StateOf(Good, "loaded"));
        Assert.Equal(0, scrape.FaultsOf(Good));
    }

    [Fact]
    public async Task Faults_count_every_fault_not_only_the_run_that_made_the_plugin_faulty()
    {
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        _ = new PluginSnapshotMetrics(registry, catalog);

        var health = catalog.Current.HealthOfPlugin(Gatekeeper);
        health.RecordFault();
        health.RecordFault();
        health.RecordSuccess();
        health.RecordFault();
        var scrape = await Scrape.OfAsync(registry);

        Assert.Equal(3, scrape.FaultsOf(Gatekeeper));
        Assert.Equal(1, scrape.StateOf(Gatekeeper, "loaded"));
    }

    [Fact]
    public async Task A_reload_that_drops_a_plugin_removes_its_series_and_a_reload_starts_the_faults_again()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        _ = new PluginSnapshotMetrics(registry, catalog);
        var goodHealth = catalog.Current.HealthOfPlugin(Good);
        for (var fault = 0; fault < PluginHealth.FaultLimit; fault++) goodHealth.RecordFault();
        var before = await Scrape.OfAsync(registry);
        Assert.Equal(1, before.StateOf(Gatekeeper, "loaded"));
        Assert.Equal(1, before.StateOf(Good, "faulty"));

        Directory.Delete(Path.Combine(plugins.Path, FixturePlugins.Gatekeeper), recursive: true);
        await catalog.ReloadAsync(CancellationToken.None);
        var after = await Scrape.OfAsync(registry);

        Assert.DoesNotContain($"plugin=\"{Gatekeeper}\"", after.Text);
        Assert.Equal(1, after.ValueOf("sqlproxy_plugins_loaded"));
        Assert.Equal(1, after.StateOf(Good, "loaded"));
        Assert.Equal(0, after.StateOf(Good, "faulty"));
        Assert.Equal(0, after.FaultsOf(Good));
    }

    [Fact]
    public async Task With_no_plugins_the_counts_are_zero_and_there_are_no_plugin_series()
    {
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        _ = new PluginSnapshotMetrics(registry, catalog);

        var scrape = await Scrape.OfAsync(registry);

        Assert.Equal(0, scrape.ValueOf("sqlproxy_plugins_loaded"));
        Assert.Equal(0, scrape.ValueOf("sqlproxy_plugin_failed_folders"));
        Assert.DoesNotContain("plugin=", scrape.Text);
    }

    public void Dispose() => plugins.Dispose();
}
