using Serilog;
using Serilog.Events;
using SqlProxy.Analysis;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Audit;
using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Http;
using SqlProxy.Host.Limits;
using SqlProxy.Host.Masking;
using SqlProxy.Host.Metrics;
using SqlProxy.Host.Observability;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Rules;
using SqlProxy.Host.Upstream;

namespace SqlProxy.Host;

/// <summary>The composition root: builds the web application for a validated configuration.</summary>
public static class ProxyApp
{
    /// <summary>The environment variable that overrides <c>server.listen</c>.</summary>
    public const string UrlVariable = "SQLPROXY_URL";

    /// <summary>
    /// Builds the proxy: loads the plugins, then the rules. Throws <see cref="PluginStartupException"/> when the
    /// plugins cannot serve (a built-in one did not load, or no audit sink), and
    /// <see cref="SqlProxy.Rules.RulesException"/> when the rules do not compile or do not validate against the live
    /// schema of the configured databases and the loaded plugins.
    /// </summary>
    /// <param name="listenUrl">Where to listen; null → <c>SQLPROXY_URL</c>, else <c>server.listen</c>.</param>
    /// <param name="logOutput">Where log lines go; null → standard output.</param>
    /// <param name="environment">
    /// Where <c>${NAME}</c> was looked up when <paramref name="config"/> was loaded; a configuration reload looks up
    /// there again. Null → the process environment.
    /// </param>
    public static WebApplication Build(ProxyConfig config, string? listenUrl = null, TextWriter? logOutput = null, Func<string, string?>? environment = null)
    {
        PluginRun<bool>.ReserveSharedPoolThreads();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(listenUrl ?? Environment.GetEnvironmentVariable(UrlVariable) ?? config.Server.Listen);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = config.Server.MaxBodyBytes);
        // A stop lets Kestrel finish the requests in flight, then drains the audit, within this time in all.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(config.Server.ShutdownTimeoutSeconds));
        var logger = ProxyLogging.Create(config.Server, logOutput);
        builder.Services.AddSerilog(logger, dispose: true);

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(sp => new PluginCatalog(config.Plugins, sp.GetRequiredService<ILogger<PluginCatalog>>()));
        services.AddSingleton<ReloadGate>();
        services.AddSingleton<PluginReloader>();
        if (config.Plugins.Watch) services.AddHostedService<PluginWatcher>();
        // Built at start, not lazily, so rules that do not compile stop the start-up.
        services.AddSingleton(sp => new RuleSetProvider(
            config.Rules,
            new RulesEnvironmentSource(sp.GetRequiredService<DatabaseRegistry>(), config.Plugins.CallTimeoutMs),
            sp.GetRequiredService<PluginCatalog>(),
            sp.GetRequiredService<ReloadGate>(),
            sp.GetRequiredService<ILogger<RuleSetProvider>>(),
            sp.GetRequiredService<RulesMetrics>()));
        if (config.Rules.Watch) services.AddHostedService<RulesWatcher>();
        services.AddAccessControl(config);
        services.AddSingleton(new ConfigSource(config.SourcePath, environment ?? Environment.GetEnvironmentVariable));
        services.AddSingleton<ConfigReloader>();
        services.AddHostedService<ConfigReloadSignal>();
        services.AddSingleton(sp => new DatabaseRegistry(config.Databases, sp.GetRequiredService<ILogger<DatabaseRegistry>>()));
        services.AddHostedService<SchemaWarmUp>();
        var analysisLimits = new AnalysisLimits(config.Limits.MaxSqlBytes, config.Limits.MaxParseDepth);
        services.AddSingleton<ISqlAnalyzer>(new CachingSqlAnalyzer(
            new SqlAnalyzer(analysisLimits),
            config.Limits.ParseCacheEntries));
        services.AddSingleton(new CachingRowFilterRewriter(analysisLimits, config.Limits.ParseCacheEntries));
        services.AddSingleton<StatementExecutor>();

        services.AddSingleton(sp => new ResultMasker(sp.GetRequiredService<ILogger<ResultMasker>>(), config.Plugins.CallTimeoutMs));
        services.AddSingleton(sp => new SinkWriter(sp.GetRequiredService<PluginCatalog>(), config.Audit.SinkTimeoutMs, sp.GetRequiredService<ILogger<SinkWriter>>()));
        var spillDirectory = new AuditSpillDirectory(config.Audit.SpillDirectory);
        spillDirectory.EnsureUsable(config.SourcePath);
        services.AddSingleton(sp => new AuditQueue(
            sp.GetRequiredService<SinkWriter>(), spillDirectory, config.Audit.QueueCapacity,
            config.Audit.SpillAfterAttempts, sp.GetRequiredService<AuditMetrics>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<AuditQueue>());

        services.AddSingleton<IQueryStage>(sp => new AuthenticateStage(sp.GetRequiredService<ClientAuthenticator>(), config.Server));
        services.AddSingleton<IQueryStage, TrafficLimitStage>();
        services.AddSingleton<IQueryStage>(sp => new AuditBacklogStage(sp.GetRequiredService<AuditQueue>(), config.Audit.RejectWhenFull));
        services.AddSingleton<IQueryStage, ValidateRequestStage>();
        services.AddSingleton<IQueryStage, AnalyseStage>();
        services.AddSingleton(sp => new PolicyEvaluation(config.Plugins, sp.GetRequiredService<ILogger<PolicyEvaluation>>()));
        services.AddSingleton<IQueryStage, DecideStage>();
        services.AddSingleton<IQueryStage>(sp => new RewriteStage(sp.GetRequiredService<CachingRowFilterRewriter>()));
        services.AddSingleton<IQueryStage, ExecuteStage>();
        services.AddSingleton<IQueryStage>(sp => new ClassifyStage(config.Classification, config.Plugins, sp.GetRequiredService<ILogger<ClassifyStage>>()));
        services.AddSingleton<IQueryStage, MaskStage>();
        services.AddSingleton<QueryPipeline>();
        services.AddProxyMetrics();
        services.AddObservability();
        services.AddProxyOpenApi();
        // A factory, not an instance: the container disposes what it created, and with it the store's connections.
        services.AddSingleton(_ => new SqlProxy.Host.Audit.Query.AuditStore(
            SqlProxy.Host.Audit.Query.AuditStoreSettings.From(config.Plugins.SettingsFor(SqlProxy.Host.Audit.Query.AuditStoreSettings.PluginName))));

        var app = builder.Build();
        try
        {
            LoadPlugins(app.Services.GetRequiredService<PluginCatalog>());
            app.Services.GetRequiredService<RuleSetProvider>();
        }
        catch
        {
            // The plugins loaded so far are unloaded with the services.
            ((IDisposable)app).Dispose();
            throw;
        }
        app.Use(RequestIds.AssignAsync);
        app.UseObservability();
        app.UseSerilogRequestLogging(o =>
        {
            // Without it the completion lines go to Serilog's static logger, which writes nowhere.
            o.Logger = logger;
            o.GetLevel = (http, _, error) =>
                error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
        app.MapQueryEndpoints();
        app.MapRulesEndpoints();
        app.MapPluginEndpoints();
        app.MapConfigEndpoints();
        app.MapAuditEndpoints();
        app.MapProxyMetrics();
        app.MapHealthEndpoints();
        app.MapProxyOpenApi();
        if (config.Server.TrustUserField)
            app.Logger.LogWarning("server.trust_user_field is on: a request's `user` field chooses the user. Never enable this outside development.");
        return app;
    }

    /// <summary>Loads the plugins before the rules, which are validated against their maskers and labels.</summary>
    private static void LoadPlugins(PluginCatalog catalog)
    {
        // Start-up is synchronous; the load runs without the caller's synchronisation context so blocking on it cannot deadlock.
        var load = Task.Run(() => catalog.ReloadAsync(CancellationToken.None, PluginSetChecks.AtStart)).GetAwaiter().GetResult();
        if (!load.Swapped) throw new PluginStartupException(load.Refusals);
    }
}
