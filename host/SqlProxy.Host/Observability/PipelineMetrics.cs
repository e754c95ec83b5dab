using Prometheus;
using SqlProxy.Rules;

namespace SqlProxy.Host.Observability;

/// <summary>
/// <c>sqlproxy_stage_duration_seconds{stage}</c> (each pipeline stage a request ran) and
/// <c>sqlproxy_decisions_total{result,rule}</c> (each enforced decision: <c>allow</c>/<c>block</c>, and the deciding rule
/// as <c>file:line</c>, <c>plugin:&lt;name&gt;</c> for a policy plugin, or <c>default</c> when no rule matched). Dry runs
/// decide nothing and are not counted. The rule label is bounded by the rules files.
/// </summary>
internal sealed class PipelineMetrics
{
    /// <summary>The rule label of a default-deny decision.</summary>
    public const string DefaultRule = "default";

    private readonly Histogram stages;
    private readonly Counter decisions;

    public PipelineMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        stages = factory.CreateHistogram(
            "sqlproxy_stage_duration_seconds", "Time a query pipeline stage took, by stage.",
            new HistogramConfiguration { LabelNames = ["stage"], Buckets = Histogram.ExponentialBuckets(0.0001, 2, 18) });
        decisions = factory.CreateCounter(
            "sqlproxy_decisions_total", "Enforced decisions, by result (allow or block) and deciding rule (file:line, plugin:<name>, or default).",
            "result", "rule");
    }

    public void StageTook(string stage, TimeSpan elapsed) => stages.WithLabels(stage).Observe(elapsed.TotalSeconds);

    public void Decided(Decision decision) => decisions
        .WithLabels(decision.Verdict == Verdict.Block ? "block" : "allow", decision.Rule?.ToString() ?? DefaultRule)
        .Inc();
}
