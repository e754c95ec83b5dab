using SqlProxy.Host.Configuration;
using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Holds the rule set in force. Requests copy <see cref="Current"/> once at their start, so a swap never shows a
/// request half of two rule sets. A load reads the files, compiles them and validates them against the live schema
/// of every configured database, off to the side; only a set without errors is swapped in, otherwise the old set
/// keeps serving. Warnings are logged and reported, never refused.
/// </summary>
internal sealed partial class RuleSetProvider
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private readonly RulesConfig config;
    private readonly RulesEnvironmentSource environment;
    private readonly ILogger<RuleSetProvider> logger;
    private volatile RuleSet current;

    /// <summary>Loads the rules once, before serving.</summary>
    /// <exception cref="RulesException">The rules have errors; every one is listed.</exception>
    public RuleSetProvider(RulesConfig config, RulesEnvironmentSource environment, ILogger<RuleSetProvider> logger)
    {
        (this.config, this.environment, this.logger) = (config, environment, logger);
        // Start-up is synchronous; the load runs without the caller's synchronisation context so blocking on it cannot deadlock.
        var load = Task.Run(() => LoadAsync(CancellationToken.None)).GetAwaiter().GetResult();
        if (load.Rules is null) throw new RulesException(load.Errors);
        current = load.Rules;
        LogLoaded(load.Rules.Version, load.Rules.Count);
        LogWarnings(load);
    }

    public RuleSet Current => current;

    public RulesConfig Config => config;

    /// <summary>Reloads the rules files; reloads are serialised so the last one to finish is the newest text. Never throws.</summary>
    public async Task<RulesReload> ReloadAsync(CancellationToken cancellationToken)
    {
        await reloading.WaitAsync(cancellationToken);
        try
        {
            var previous = current;
            var load = await LoadAsync(cancellationToken);
            LogWarnings(load);
            if (load.Rules is null)
            {
                LogRefused(previous.Version, load.Errors.Select(error => error.ToString()).ToArray());
                return new RulesReload(false, previous, previous.Version, load.Errors, load.WarningLines);
            }
            current = load.Rules;
            LogReloaded(load.Rules.Version, load.Rules.Count, previous.Version);
            return new RulesReload(true, load.Rules, previous.Version, [], load.WarningLines);
        }
        finally
        {
            reloading.Release();
        }
    }

    private async Task<RulesLoad> LoadAsync(CancellationToken cancellationToken)
    {
        var (rulesEnvironment, notChecked) = await environment.ReadAsync(cancellationToken);
        return RulesLoader.Load(config.Paths, config.DisplayBase, rulesEnvironment, notChecked);
    }

    private void LogWarnings(RulesLoad load)
    {
        foreach (var warning in load.WarningLines) LogWarning(warning);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules loaded: version {Version} ({Count} rules)")]
    private partial void LogLoaded(string version, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules reloaded: version {Version} ({Count} rules) replaces {Previous}")]
    private partial void LogReloaded(string version, int count, string previous);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules reload refused, version {Version} keeps serving: {Errors}")]
    private partial void LogRefused(string version, string[] errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules: {Warning}")]
    private partial void LogWarning(string warning);
}
