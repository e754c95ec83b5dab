using Prometheus;
using SqlProxy.Host.Metrics;

namespace SqlProxy.Host.Observability;

/// <summary>Counts rules reloads by outcome: <c>sqlproxy_rules_reloads_total{outcome}</c>.</summary>
internal sealed class RulesMetrics(CollectorRegistry registry) : ReloadCounter(
    registry,
    "sqlproxy_rules_reloads_total",
    "Rules reloads since the proxy started, by outcome: swapped (the new rule set serves) or refused (the old one keeps serving).");
