using BenchmarkDotNet.Attributes;
using SqlProxy.Analysis;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>
/// Analysis through the host's <see cref="CachingSqlAnalyzer"/>: a miss (unique SQL text each operation, so libpg_query
/// parses it and the cache stores and evicts) and a hit.
/// </summary>
public class ParseBenchmarks
{
    private const string Sql = "SELECT name, email, phone FROM customers WHERE region = 'north' AND id > ";
    private CachingSqlAnalyzer analyzer = null!;
    private long counter;

    [GlobalSetup]
    public void Setup()
    {
        analyzer = new CachingSqlAnalyzer(new SqlAnalyzer(AnalysisLimits.Default));
        analyzer.Analyze(Sql + "0", "testdb", Schemas.Sample);
    }

    [Benchmark]
    public SqlAnalysis ParseCold() => analyzer.Analyze(Sql + Interlocked.Increment(ref counter), "testdb", Schemas.Sample);

    [Benchmark]
    public SqlAnalysis ParseCached() => analyzer.Analyze(Sql + "0", "testdb", Schemas.Sample);
}
