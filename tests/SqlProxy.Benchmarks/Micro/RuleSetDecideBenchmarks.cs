using BenchmarkDotNet.Attributes;
using SqlProxy.Analysis;
using SqlProxy.Benchmarks.Bench;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>
/// One decision with about a hundred rules: the sample rules plus the generated ones the load test uses
/// (<see cref="BenchConfig.GenerateRules"/>), and the 100 rules over 100 tables of <see cref="RuleScaleBenchmarks"/>.
/// </summary>
public class RuleSetDecideBenchmarks
{
    private RuleSet sampleRules = null!;
    private RuleSet scaleRules = null!;
    private StatementAnalysis sampleStatement = null!;
    private StatementAnalysis scaleStatement = null!;
    private RequestInfo request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var samples = RepositoryPaths.Samples;
        var sources = RuleSources.Read([Path.Combine(samples, "rules")], samples)
            .Append(new RuleSource("generated.rules", BenchConfig.GenerateRules(BenchConfig.GeneratedRuleCount)));
        sampleRules = RulesCompiler.Compile(sources.ToArray());
        scaleRules = RuleScaleBenchmarks.Compile(100);
        var analyzer = new SqlAnalyzer(AnalysisLimits.Default);
        sampleStatement = analyzer.Analyze(Micro.HostParts.PiiSql, "testdb", Schemas.Sample).Statements[0];
        scaleStatement = analyzer.Analyze("SELECT id, name, email FROM t7 WHERE region = 'north'", "testdb", RuleScaleBenchmarks.Schema).Statements[0];
        request = new RequestInfo("bench", new UserIdentity("analyst", ["analyst", "readonly"], new Dictionary<string, string> { ["region"] = "north" }),
            "testdb", "127.0.0.1", DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public Decision DecideSampleRulesPlus85() => sampleRules.Decide(request, sampleStatement);

    [Benchmark]
    public Decision DecideScale100() => scaleRules.Decide(request, scaleStatement);
}
