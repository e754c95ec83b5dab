using Prometheus;

namespace SqlProxy.Host.Metrics;

/// <summary>Counts plugin reloads by outcome: <c>sqlproxy_plugin_reloads_total{outcome}</c>.</summary>
internal sealed class PluginMetrics(CollectorRegistry registry) : ReloadCounter(
    registry,
    "sqlproxy_plugin_reloads_total",
    "Plugin reloads since the proxy started, by outcome: swapped (the new plugin snapshot serves) or refused (the old one keeps serving).");
