using BenchmarkDotNet.Attributes;
using SqlProxy.Analysis;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Benchmarks;

/// <summary>
/// Judging one analysed statement with the demo policy (samples/rules).
/// Run: dotnet run -c Release --project tests/SqlProxy.Benchmarks -- --filter '*Decision*'
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private RuleSet rules = null!;
    private StatementAnalysis statement = null!;
    private RequestInfo request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var samples = Path.Combine(FindRoot(), "samples");
        rules = RulesCompiler.Compile(RuleSources.Read([Path.Combine(samples, "rules")], samples));
        statement = new SqlAnalyzer(AnalysisLimits.Default)
            .Analyze("SELECT s.id, s.ssn, c.email FROM sensitive_data s JOIN customers c ON c.id = s.customer_id", "testdb", Schemas.Sample)
            .Statements[0];
        request = new RequestInfo("bench", new UserIdentity("auditor", ["auditor", "readonly"], new Dictionary<string, string>()), "testdb", "127.0.0.1", DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public Decision Decide() => rules.Decide(request, statement);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SqlProxy.sln"))) return dir.FullName;
        throw new InvalidOperationException("SqlProxy.sln not found");
    }
}
