using Prometheus;

namespace SqlProxy.Host.Metrics;

/// <summary>
/// A reload counter by outcome (<c>{outcome}</c>): <c>swapped</c> when the new snapshot serves, <c>refused</c> when the
/// old one kept serving. Both series exist from the start at 0, so rate() sees the first reload.
/// </summary>
internal abstract class ReloadCounter
{
    private readonly Counter.Child swapped;
    private readonly Counter.Child refused;

    protected ReloadCounter(CollectorRegistry registry, string name, string help)
    {
        var reloads = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter(name, help, "outcome");
        swapped = reloads.WithLabels("swapped");
        refused = reloads.WithLabels("refused");
    }

    /// <summary>Counts one reload: <paramref name="swapped"/> when its snapshot was swapped in, else refused.</summary>
    public void RecordReload(bool swapped) => (swapped ? this.swapped : refused).Inc();
}
