using System.Text;
using BenchmarkDotNet.Attributes;
using SqlProxy.Analysis;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Benchmarks;

/// <summary>
/// Decision time as rules grow: N rules spread over 100 tables plus a handful of global rules,
/// judging a cached analysis of a statement on one table. The scope index should make rules on
/// unrelated tables free, so the ratio to 10 rules stays near 1.
/// Run: dotnet run -c Release --project tests/SqlProxy.Benchmarks -- --filter '*RuleScale*'
/// </summary>
[MemoryDiagnoser]
public class RuleScaleBenchmarks
{
    private const int Tables = 100;
    private RuleSet rules = null!;
    private StatementAnalysis statement = null!;
    private RequestInfo request = null!;

    [Params(10, 100, 1_000)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        rules = Compile(RuleCount);
        statement = new SqlAnalyzer(AnalysisLimits.Default)
            .Analyze("SELECT id, name, email FROM t7 WHERE region = 'north'", "testdb", Schema).Statements[0];
        request = new RequestInfo("bench", new UserIdentity("ana", ["analyst", "readonly"], new Dictionary<string, string> { ["region"] = "north" }),
            "testdb", "127.0.0.1", DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public Decision Decide() => rules.Decide(request, statement);

    /// <summary>The 100 tables the generated rules name.</summary>
    internal static DatabaseSchema Schema { get; } = new(Enumerable.Range(0, Tables)
        .Select(t => new TableColumns("public", $"t{t}", ["id", "name", "email", "region"])));

    internal static RuleSet Compile(int count) => RulesCompiler.Compile([new RuleSource("scale.rules", Generate(count))]);

    /// <summary>Five global rules, then table and column rules cycling over the tables and roles.</summary>
    private static string Generate(int count)
    {
        var text = new StringBuilder("""
            allow all on testdb when user has role 'admin';
            block ddl, truncate on * unless user has role 'admin';
            block write on testdb when user has role 'readonly';
            block all on testdb.secret unless user has role 'auditor';
            allow select on testdb.public when user has role 'everyone';

            """);
        string[] roles = ["analyst", "developer", "auditor", "support"];
        for (var i = 5; i < count; i++)
        {
            var table = $"testdb.public.t{i % Tables}";
            var role = roles[i / Tables % roles.Length];
            text.AppendLine((i / Tables) % 3 == 2
                ? $"block select on {table}.email when user has role '{role}' and user.attributes.region != 'north';"
                : $"allow select, insert on {table} when user has role '{role}';");
        }
        return text.ToString();
    }
}
