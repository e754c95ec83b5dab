using Prometheus;

namespace SqlProxy.Host.Metrics;

/// <summary>Registers the proxy's Prometheus metrics and serves them on <c>GET /metrics</c>.</summary>
internal static class ProxyMetrics
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// Registers the metric registry of this host (one per host, never the process-wide default, so that hosts built
    /// side by side in one process do not share or collide on metrics) and the metrics that report into it.
    /// </summary>
    public static IServiceCollection AddProxyMetrics(this IServiceCollection services)
    {
        services.AddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<PluginMetrics>();
        services.AddSingleton<PluginSnapshotMetrics>();
        services.AddSingleton<AuditMetrics>();
        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c>: this host's registry in the Prometheus text format (OpenMetrics when the scraper asks
    /// for it). The endpoint has no authentication, like most Prometheus targets: it must be reachable only from the
    /// monitoring network (bind or firewall accordingly). It reveals plugin names and health, never data or secrets.
    /// </summary>
    public static void MapProxyMetrics(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        // Resolved now so that every metric is registered, at its initial value, before the first scrape.
        app.Services.GetRequiredService<PluginMetrics>();
        app.Services.GetRequiredService<PluginSnapshotMetrics>();
        app.Services.GetRequiredService<AuditMetrics>();
        app.MapMetrics(settings => settings.Registry = registry, Path);
    }
}
