using Prometheus;

namespace SqlProxy.Host.Observability;

/// <summary>
/// Counts rules reloads by outcome (<c>sqlproxy_rules_reloads_total{outcome}</c>): <c>swapped</c> when the new rule set
/// serves, <c>refused</c> when it had errors and the old one kept serving. Both series exist from the start at 0.
/// </summary>
internal sealed class RulesMetrics
{
    private readonly Counter.Child swapped;
    private readonly Counter.Child refused;

    public RulesMetrics(CollectorRegistry registry)
    {
        var reloads = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter(
            "sqlproxy_rules_reloads_total",
            "Rules reloads since the proxy started, by outcome: swapped (the new rule set serves) or refused (the old one keeps serving).",
            "outcome");
        swapped = reloads.WithLabels("swapped");
        refused = reloads.WithLabels("refused");
    }

    public void RecordReload(bool swapped) => (swapped ? this.swapped : refused).Inc();
}
