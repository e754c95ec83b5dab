using Prometheus;

namespace SqlProxy.Host.Metrics;

/// <summary>
/// Counts plugin reloads by outcome (<c>sqlproxy_plugin_reloads_total{outcome}</c>): <c>swapped</c> when the new
/// snapshot was swapped in, <c>refused</c> when it was refused and the old one kept serving.
/// </summary>
internal sealed class PluginMetrics
{
    private readonly Counter.Child swapped;
    private readonly Counter.Child refused;

    /// <summary>Registers the reload counter in <paramref name="registry"/>, both outcomes at zero.</summary>
    public PluginMetrics(CollectorRegistry registry)
    {
        var reloads = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter(
            "sqlproxy_plugin_reloads_total",
            "Plugin reloads since the proxy started, by outcome: swapped (the new plugin snapshot serves) or refused (the old one keeps serving).",
            "outcome");
        // Created up front so both series exist at 0 and rate() sees the first reload.
        swapped = reloads.WithLabels("swapped");
        refused = reloads.WithLabels("refused");
    }

    /// <summary>Counts one reload: <paramref name="swapped"/> when its snapshot was swapped in, else refused.</summary>
    public void RecordReload(bool swapped) => (swapped ? this.swapped : refused).Inc();
}
