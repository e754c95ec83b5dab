using Prometheus;
using SqlProxy.Analysis;
using SqlProxy.Analysis.Rewriting;

namespace SqlProxy.Host.Observability;

/// <summary>
/// <c>sqlproxy_parse_cache_hits_total</c> and <c>sqlproxy_parse_cache_misses_total</c>, read from the caching analyzer's
/// own counters just before each collection (the analysis project knows nothing of Prometheus), and likewise
/// <c>sqlproxy_rewrite_cache_hits_total</c> and <c>sqlproxy_rewrite_cache_misses_total</c> from the row-filter rewriter's.
/// </summary>
internal sealed class ParseCacheMetrics
{
    public ParseCacheMetrics(CollectorRegistry registry, ISqlAnalyzer analyzer, CachingRowFilterRewriter rewriter)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        if (analyzer is CachingSqlAnalyzer cache)
        {
            var hits = factory.CreateCounter("sqlproxy_parse_cache_hits_total", "SQL analyses served from the parse cache.");
            var misses = factory.CreateCounter("sqlproxy_parse_cache_misses_total", "SQL analyses the parse cache did not hold, parsed and analysed anew.");
            registry.AddBeforeCollectCallback(() =>
            {
                hits.IncTo(cache.Hits);
                misses.IncTo(cache.Misses);
            });
        }

        var rewriteHits = factory.CreateCounter("sqlproxy_rewrite_cache_hits_total", "Row-filter rewrites served from the rewrite cache.");
        var rewriteMisses = factory.CreateCounter("sqlproxy_rewrite_cache_misses_total", "Row-filter rewrites the rewrite cache did not hold, parsed and rewritten anew.");
        registry.AddBeforeCollectCallback(() =>
        {
            rewriteHits.IncTo(rewriter.Hits);
            rewriteMisses.IncTo(rewriter.Misses);
        });
    }
}
