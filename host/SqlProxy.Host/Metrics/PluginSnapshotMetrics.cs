using Prometheus;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Metrics;

/// <summary>
/// The gauges that describe the serving plugin snapshot (<see cref="PluginCatalog.Current"/>), read from it just
/// before each collection: nothing is pushed, and a scrape always shows the snapshot serving at that moment.
/// </summary>
internal sealed class PluginSnapshotMetrics
{
    /// <summary>The states <c>sqlproxy_plugin_state</c> reports for every plugin, 1 for the current one and 0 for the others.</summary>
    public static readonly IReadOnlyList<string> States = ["loaded", "faulty"];

    private readonly PluginCatalog catalog;
    private readonly Gauge loaded;
    private readonly Gauge failedFolders;
    private readonly ScrapedGauge state;
    private readonly ScrapedGauge faults;
    private readonly Lock refreshing = new();

    /// <summary>Registers the gauges in <paramref name="registry"/> and refreshes them before each of its collections.</summary>
    public PluginSnapshotMetrics(CollectorRegistry registry, PluginCatalog catalog)
    {
        this.catalog = catalog;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        loaded = factory.CreateGauge("sqlproxy_plugins_loaded", "Plugins loaded in the serving plugin snapshot.");
        failedFolders = factory.CreateGauge("sqlproxy_plugin_failed_folders", "Plugin folders that failed to load in the serving plugin snapshot.");
        state = new ScrapedGauge(factory.CreateGauge(
            "sqlproxy_plugin_state",
            "State of each plugin in the serving plugin snapshot: 1 for its current state (loaded or faulty), 0 for the other.",
            "plugin", "state"));
        faults = new ScrapedGauge(factory.CreateGauge(
            "sqlproxy_plugin_faults",
            "Faults (exceptions, timeouts) counted for each plugin in the serving plugin snapshot, since its load; a reload starts again from 0.",
            "plugin"));
        registry.AddBeforeCollectCallback(Refresh);
    }

    /// <summary>Sets every gauge from the serving snapshot and drops the series of plugins no longer in it.</summary>
    public void Refresh()
    {
        var snapshot = catalog.Current;
        // Scrapes may run concurrently; one refresh at a time keeps a slower one from removing series a faster one set.
        lock (refreshing)
        {
            loaded.Set(snapshot.Plugins.Count);
            failedFolders.Set(snapshot.Failures.Count);
            state.Publish(snapshot.Plugins.SelectMany(plugin => StateSeries(snapshot, plugin)));
            faults.Publish(snapshot.Plugins.Select(plugin =>
                new GaugeSample([plugin.Name], snapshot.HealthOfPlugin(plugin.Name).TotalFaults)));
        }
    }

    private static IEnumerable<GaugeSample> StateSeries(PluginSnapshot snapshot, PluginInfo plugin)
    {
        var current = snapshot.StateOf(plugin);
        // A state outside the known ones is still reported, rather than the plugin showing 0 everywhere.
        foreach (var state in States.Append(current).Distinct(StringComparer.Ordinal))
            yield return new GaugeSample([plugin.Name, state], state == current ? 1 : 0);
    }
}
