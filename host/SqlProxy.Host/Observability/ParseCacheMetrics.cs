using Prometheus;
using SqlProxy.Analysis;

namespace SqlProxy.Host.Observability;

/// <summary>
/// <c>sqlproxy_parse_cache_hits_total</c> and <c>sqlproxy_parse_cache_misses_total</c>, read from the caching analyzer's
/// own counters just before each collection (the analysis project knows nothing of Prometheus).
/// </summary>
internal sealed class ParseCacheMetrics
{
    public ParseCacheMetrics(CollectorRegistry registry, ISqlAnalyzer analyzer)
    {
        if (analyzer is not CachingSqlAnalyzer cache) return;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var hits = factory.CreateCounter("sqlproxy_parse_cache_hits_total", "SQL analyses served from the parse cache.");
        var misses = factory.CreateCounter("sqlproxy_parse_cache_misses_total", "SQL analyses the parse cache did not hold, parsed and analysed anew.");
        registry.AddBeforeCollectCallback(() =>
        {
            hits.IncTo(cache.Hits);
            misses.IncTo(cache.Misses);
        });
    }
}
