using System.Collections.Concurrent;

namespace SqlProxy.Analysis;

/// <summary>
/// A bounded cache in front of another analyzer, keyed by (SQL text, database, schema version).
/// Analyses are immutable, so one instance is shared by every request that sends the same text.
/// </summary>
public sealed class CachingSqlAnalyzer : ISqlAnalyzer
{
    private readonly ISqlAnalyzer inner;
    private readonly int capacity;
    private readonly ConcurrentDictionary<AnalysisCacheKey, SqlAnalysis> entries = new();
    private int count;
    private long hits;
    private long misses;

    public CachingSqlAnalyzer(ISqlAnalyzer inner, int capacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.inner = inner;
        this.capacity = capacity;
    }

    public long Hits => Interlocked.Read(ref hits);

    public long Misses => Interlocked.Read(ref misses);

    public SqlAnalysis Analyze(string sql, string database, DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(schema);
        var key = new AnalysisCacheKey(sql, database, schema.Version);
        if (entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref hits);
            return cached;
        }

        Interlocked.Increment(ref misses);
        var analysis = inner.Analyze(sql, database, schema);
        if (entries.TryAdd(key, analysis) && Interlocked.Increment(ref count) > capacity)
        {
            // Full: forget everything rather than track recency. Simple, correct and cheap; hot
            // statements come back after one miss each. The count is our own, because
            // ConcurrentDictionary.Count takes every lock. Racing adds may briefly overshoot it.
            entries.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        return analysis;
    }
}
