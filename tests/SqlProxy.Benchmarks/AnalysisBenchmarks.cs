using BenchmarkDotNet.Attributes;
using SqlProxy.Analysis;

namespace SqlProxy.Benchmarks;

/// <summary>
/// Parse + analyse with libpg_query (cold) against a hit in the analysis cache, side by side.
/// Run: dotnet run -c Release --project tests/SqlProxy.Benchmarks -- --filter '*Analysis*'
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly SqlAnalyzer analyzer = new(AnalysisLimits.Default);
    private CachingSqlAnalyzer cache = null!;

    [Params(
        "SELECT id, email FROM customers WHERE region = 'north'",
        "WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) SELECT c.name, b.total FROM customers c JOIN big b ON b.customer_id = c.id WHERE c.id IN (SELECT customer_id FROM order_items oi JOIN orders o ON o.id = oi.order_id)")]
    public string Sql { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        cache = new CachingSqlAnalyzer(analyzer);
        cache.Analyze(Sql, "testdb", Schemas.Sample);
    }

    [Benchmark(Baseline = true)]
    public SqlAnalysis Cold() => analyzer.Analyze(Sql, "testdb", Schemas.Sample);

    [Benchmark]
    public SqlAnalysis CacheHit() => cache.Analyze(Sql, "testdb", Schemas.Sample);
}
