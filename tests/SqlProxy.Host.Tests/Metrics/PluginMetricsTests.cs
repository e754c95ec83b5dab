using SqlProxy.Host.Metrics;

namespace SqlProxy.Host.Tests.Metrics;

/// <summary>Reloads are counted by outcome, both outcomes present from the start.</summary>
public sealed class PluginMetricsTests
{
    [Fact]
    public async Task Reloads_are_counted_by_outcome_from_zero()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new PluginMetrics(registry);
        var swapped = Scrape.Series("sqlproxy_plugin_reloads_total", ("outcome", "swapped"));
        var refused = Scrape.Series("sqlproxy_plugin_reloads_total", ("outcome", "refused"));

        var before = await Scrape.OfAsync(registry);
        metrics.RecordReload(swapped: true);
        metrics.RecordReload(swapped: true);
        metrics.RecordReload(swapped: false);
        var after = await Scrape.OfAsync(registry);

        Assert.Equal(0, before.ValueOf(swapped));
        Assert.Equal(0, before.ValueOf(refused));
        Assert.Equal(2, after.ValueOf(swapped));
        Assert.Equal(1, after.ValueOf(refused));
        Assert.Contains("# TYPE sqlproxy_plugin_reloads_total counter", after.Text);
    }
}
