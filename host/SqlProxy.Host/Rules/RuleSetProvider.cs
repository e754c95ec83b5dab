using SqlProxy.Host.Configuration;
using SqlProxy.Host.Observability;
using SqlProxy.Host.Plugins;
using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Holds the rule set in force. Requests copy <see cref="Current"/> once at their start, so a swap never shows a
/// request half of two rule sets. A load reads the files, compiles them and validates them against the live schema
/// of every configured database and the serving plugins' maskers and labels, off to the side; only a set without
/// errors is swapped in, otherwise the old set keeps serving. Warnings are logged and reported, never refused.
/// </summary>
internal sealed partial class RuleSetProvider
{
    private readonly RulesConfig config;
    private readonly RulesEnvironmentSource environment;
    private readonly PluginCatalog plugins;
    private readonly ReloadGate gate;
    private readonly ILogger<RuleSetProvider> logger;
    private readonly RulesMetrics? metrics;
    private volatile Loaded current;

    /// <summary>Loads the rules once, before serving; the plugins must be loaded already.</summary>
    /// <exception cref="RulesException">The rules have errors; every one is listed.</exception>
    /// <param name="metrics">Counts reloads by outcome; none when null.</param>
    public RuleSetProvider(
        RulesConfig config, RulesEnvironmentSource environment, PluginCatalog plugins, ReloadGate gate, ILogger<RuleSetProvider> logger,
        RulesMetrics? metrics = null)
    {
        (this.config, this.environment, this.plugins, this.gate, this.logger, this.metrics) = (config, environment, plugins, gate, logger, metrics);
        // Start-up is synchronous; the load runs without the caller's synchronisation context so blocking on it cannot deadlock.
        var load = Task.Run(() => LoadAsync(CancellationToken.None)).GetAwaiter().GetResult();
        if (load.Rules is null) throw new RulesException(load.Errors);
        current = new Loaded(load.Rules, load.Sources);
        LogLoaded(load.Rules.Version, load.Rules.Count);
        LogWarnings(load);
    }

    public RuleSet Current => current.Rules;

    public RulesConfig Config => config;

    /// <summary>Reloads the rules files; reloads (of rules and of plugins) run one at a time. Never throws.</summary>
    public Task<RulesReload> ReloadAsync(CancellationToken cancellationToken) => gate.RunAsync(async () =>
    {
        var previous = current.Rules;
        var load = await LoadAsync(cancellationToken);
        LogWarnings(load);
        if (load.Rules is null)
        {
            LogRefused(previous.Version, load.Errors.Select(error => error.ToString()).ToArray());
            metrics?.RecordReload(swapped: false);
            return new RulesReload(false, previous, previous.Version, load.Errors, load.WarningLines);
        }
        current = new Loaded(load.Rules, load.Sources);
        metrics?.RecordReload(swapped: true);
        LogReloaded(load.Rules.Version, load.Rules.Count, previous.Version);
        return new RulesReload(true, load.Rules, previous.Version, [], load.WarningLines);
    }, cancellationToken);

    /// <summary>
    /// What would be wrong with the rules in force if <paramref name="candidate"/> replaced the serving plugins: a mask
    /// naming a masker it lacks, a label none of its classifiers gives. Called under the <see cref="ReloadGate"/>.
    /// </summary>
    public IReadOnlyList<RuleDiagnostic> ErrorsWith(PluginSnapshot candidate) =>
        RulesLoader.Errors(current.Sources, environment.PluginsOnly(candidate));

    private async Task<RulesLoad> LoadAsync(CancellationToken cancellationToken)
    {
        using var lease = plugins.Acquire();
        var (rulesEnvironment, notChecked) = await environment.ReadAsync(lease.Snapshot, cancellationToken);
        return RulesLoader.Load(config.Paths, config.DisplayBase, rulesEnvironment, notChecked);
    }

    private void LogWarnings(RulesLoad load)
    {
        foreach (var warning in load.WarningLines) LogWarning(warning);
    }

    private sealed record Loaded(RuleSet Rules, IReadOnlyList<RuleSource> Sources);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules loaded: version {Version} ({Count} rules)")]
    private partial void LogLoaded(string version, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules reloaded: version {Version} ({Count} rules) replaces {Previous}")]
    private partial void LogReloaded(string version, int count, string previous);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules reload refused, version {Version} keeps serving: {Errors}")]
    private partial void LogRefused(string version, string[] errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules: {Warning}")]
    private partial void LogWarning(string warning);
}
