using System.Collections.Concurrent;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// A bounded cache in front of <see cref="RowFilterRewriter"/>, keyed by everything a rewrite depends on: the statement,
/// the database and the filters in order (tables, predicates and values, compared by value). The limits are fixed per
/// instance. A hit is a dictionary lookup instead of a parse and deparse through libpg_query. Refusals are not cached:
/// each call throws <see cref="RowFilterException"/> again, with the same message.
/// </summary>
public sealed class CachingRowFilterRewriter
{
    private readonly AnalysisLimits limits;
    private readonly int capacity;
    private readonly ConcurrentDictionary<RewriteCacheKey, string> entries = new();
    private int count;
    private long hits;
    private long misses;

    /// <summary>A cache of rewrites within <paramref name="limits"/>, holding at most <paramref name="capacity"/> of them.</summary>
    /// <param name="limits">Longest SQL and deepest tree accepted, as for <see cref="RowFilterRewriter.Rewrite(string, string, IReadOnlyList{TableFilter}, AnalysisLimits)"/>.</param>
    /// <param name="capacity">Rewrites kept before the cache is cleared.</param>
    public CachingRowFilterRewriter(AnalysisLimits limits, int capacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.limits = limits;
        this.capacity = capacity;
    }

    /// <summary>Rewrites served from the cache.</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Rewrites the cache did not hold, done anew (refusals included).</summary>
    public long Misses => Interlocked.Read(ref misses);

    /// <summary>Like <see cref="RowFilterRewriter.Rewrite(string, string, IReadOnlyList{TableFilter}, AnalysisLimits)"/> with this cache's limits.</summary>
    /// <param name="sql">One statement, as the analyzer split it.</param>
    /// <param name="database">The database the statement runs in.</param>
    /// <param name="filters">The filters; several on one table all apply. Empty returns <paramref name="sql"/> unchanged, without the cache.</param>
    /// <returns>The rewritten statement; <paramref name="sql"/> itself when no filter applies to it.</returns>
    /// <exception cref="RowFilterException">The statement or a predicate cannot be rewritten safely.</exception>
    public string Rewrite(string sql, string database, IReadOnlyList<TableFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            return sql;
        }

        var key = RewriteCacheKey.For(sql, database, filters);
        if (entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref hits);
            return cached;
        }

        Interlocked.Increment(ref misses);
        var rewritten = RowFilterRewriter.Rewrite(sql, database, filters, limits);
        if (entries.TryAdd(key, rewritten) && Interlocked.Increment(ref count) > capacity)
        {
            // Full: forget everything, as CachingSqlAnalyzer does, rather than track recency on every hit. Hot statements
            // come back after one miss each, and a flood of one-off values (a filter per user) cannot grow it unbounded.
            // The count is our own, because ConcurrentDictionary.Count takes every lock; racing adds may briefly overshoot it.
            entries.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        return rewritten;
    }
}
