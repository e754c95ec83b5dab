using SqlProxy.Host.Limits;

namespace SqlProxy.Host.Configuration;

/// <summary>The outcome of a configuration reload.</summary>
/// <param name="Errors">Why the file was refused (each naming its key); empty when it was accepted.</param>
/// <param name="Applied">The live sections and keys that changed and are now in force.</param>
/// <param name="RestartRequired">The keys that differ from the running configuration and take effect only at the next start.</param>
internal sealed record ConfigReload(IReadOnlyList<string> Errors, IReadOnlyList<string> Applied, IReadOnlyList<string> RestartRequired)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads the configuration file the proxy started with again (<c>POST /api/v1/config/reload</c>, SIGHUP) and applies
/// what can change while serving: the users, the admin token and the traffic limits, swapped at once. A file that does
/// not validate changes nothing: the configuration in force keeps serving. Other differences (servers, databases,
/// rules, audit, plugins, classification, the analysis limits) are reported as needing a restart and are not applied.
/// </summary>
internal sealed partial class ConfigReloader(
    ProxyConfig startup,
    ConfigSource source,
    LiveConfig live,
    TrafficLimiters limiters,
    AuthFailureLockout lockout,
    ILogger<ConfigReloader> logger)
{
    private readonly Lock gate = new();

    /// <param name="trigger">What asked for the reload, for the log (e.g. "SIGHUP").</param>
    public ConfigReload Reload(string trigger)
    {
        lock (gate)
        {
            ProxyConfig next;
            try
            {
                next = source.Load();
            }
            catch (ConfigException e)
            {
                return Refused(trigger, e.Errors);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Refused(trigger, [$"{source.Path}: {e.Message}"]);
            }

            var settings = LiveSettings.From(next);
            var applied = ConfigChanges.Live(live.Current, settings);
            limiters.Rebuild(settings.Traffic);
            lockout.Reconfigure(settings.Traffic.Lockout);
            live.Replace(settings);
            var restartRequired = ConfigChanges.RestartRequired(startup, next);
            LogReloaded(trigger, source.Path, Listed(applied));
            if (restartRequired.Count > 0) LogRestartRequired(Listed(restartRequired));
            return new ConfigReload([], applied, restartRequired);
        }
    }

    private ConfigReload Refused(string trigger, IReadOnlyList<string> errors)
    {
        LogRefused(trigger, source.Path, string.Join("; ", errors));
        return new ConfigReload(errors, [], []);
    }

    private static string Listed(IReadOnlyList<string> keys) => keys.Count == 0 ? "nothing" : string.Join(", ", keys);

    [LoggerMessage(LogLevel.Error, "Configuration reload ({Trigger}) refused: {Path} is not valid; the configuration in force keeps serving: {Errors}")]
    private partial void LogRefused(string trigger, string path, string errors);

    [LoggerMessage(LogLevel.Information, "Configuration reloaded ({Trigger}) from {Path}; applied: {Applied}")]
    private partial void LogReloaded(string trigger, string path, string applied);

    [LoggerMessage(LogLevel.Warning, "Configuration changes that take effect only after a restart: {Keys}")]
    private partial void LogRestartRequired(string keys);
}
