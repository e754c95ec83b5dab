using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Analysis;
using SqlProxy.Benchmarks.Bench;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Masking;
using SqlProxy.Host.Metrics;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>
/// The host's own parts for one PII statement, built the way the host builds them from the sample configuration: the
/// built-in plugins loaded through the plugin catalog, the sample rules (plus the generated ones), and a
/// <see cref="QueryContext"/> as it stands after execution, holding a canned result of <paramref name="rows"/> rows.
/// </summary>
internal sealed class HostParts : IAsyncDisposable
{
    public const string PiiSql = "SELECT name, email, phone FROM customers WHERE region = 'north'";

    private readonly BenchConfig config;
    private readonly PluginLease lease;

    private HostParts(BenchConfig config, PluginCatalog catalog, QueryContext context)
    {
        this.config = config;
        Catalog = catalog;
        lease = catalog.Acquire();
        Context = context with { Plugins = lease.Snapshot };
    }

    public PluginCatalog Catalog { get; }

    public QueryContext Context { get; }

    public Host.Configuration.ProxyConfig Config => config.Config;

    public static async Task<HostParts> CreateAsync(int rows)
    {
        var config = BenchConfig.Create(server: null);
        var catalog = new PluginCatalog(config.Config.Plugins, NullLogger<PluginCatalog>.Instance);
        var load = await catalog.ReloadAsync(CancellationToken.None);
        if (!load.Swapped) throw new InvalidOperationException($"the built-in plugins did not load: {string.Join("; ", load.Refusals)}");

        var rules = RulesCompiler.Compile(RuleSources.Read(config.Config.Rules.Paths, config.Directory));
        var user = new UserIdentity("analyst", ["analyst", "readonly"], new Dictionary<string, string> { ["region"] = "north" });
        var statement = new SqlAnalyzer(AnalysisLimits.Default).Analyze(PiiSql, "testdb", Schemas.Sample).Statements[0];
        var request = new QueryRequest("bench", DateTimeOffset.UtcNow, "127.0.0.1", "Bearer sk-analyst-demo-key", false,
            new QueryBody("testdb", PiiSql, null), null);
        var database = new UpstreamDatabase(config.Config.Databases[0], NullLogger.Instance);
        var decision = rules.Decide(new RequestInfo("bench", user, "testdb", "127.0.0.1", DateTimeOffset.UtcNow), statement);
        var context = new QueryContext(request)
        {
            User = user,
            Database = database,
            Sql = PiiSql,
            Rules = rules,
            Statements = [statement],
            Decision = decision,
            StatementDecisions = [decision],
            ExecutedSql = [PiiSql],
            Result = CannedResult(rows),
        };
        return new HostParts(config, catalog, context);
    }

    /// <summary>Rows shaped like the sample customers: a name, an e-mail address, a phone number.</summary>
    public static ExecutionResult CannedResult(int rows) => new(
        [new ResultColumnInfo("name", "text"), new ResultColumnInfo("email", "text"), new ResultColumnInfo("phone", "text")],
        Enumerable.Range(0, rows).Select(i => new object?[] { $"Customer {i} Smith", $"customer{i}@mail.example.com", $"+44 20 7946 {i % 10000:D4}" }).ToArray(),
        rows, 0, false);

    public ClassifyStage ClassifyStage() => new(Config.Classification, Config.Plugins, NullLogger<ClassifyStage>.Instance);

    public MaskStage MaskStage() => new(new ResultMasker(NullLogger<ResultMasker>.Instance, Config.Plugins.CallTimeoutMs));

    /// <summary>The host's audit queue with the sample's file sink, writing into the temporary directory; started.</summary>
    public async Task<AuditQueue> StartAuditQueueAsync()
    {
        var writer = new SinkWriter(Catalog, Config.Audit.SinkTimeoutMs, NullLogger<SinkWriter>.Instance);
        var spill = new AuditSpillDirectory(Config.Audit.SpillDirectory);
        spill.EnsureUsable(Config.SourcePath);
        var queue = new AuditQueue(writer, spill, Config.Audit.QueueCapacity, Config.Audit.SpillAfterAttempts,
            new AuditMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLoggerFactory.Instance);
        await queue.StartAsync(CancellationToken.None);
        return queue;
    }

    public async ValueTask DisposeAsync()
    {
        lease.Dispose();
        await Context.Database!.DisposeAsync();
        await Catalog.DisposeAsync();
        config.Dispose();
    }
}
