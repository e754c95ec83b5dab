using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Rules;

/// <summary>Reloads the rules when a file under the configured paths changes (debounced: editors write in several steps).</summary>
internal sealed class RulesWatcher(RuleSetProvider rules, ILogger<RulesWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private DebouncedReload? reload;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        reload = new DebouncedReload(
            Quiet,
            async () => await rules.ReloadAsync(CancellationToken.None),
            e => logger.LogError(e, "Rules reload after a file change failed; the rules in force keep serving"));
        foreach (var path in rules.Config.Paths)
        {
            var (directory, filter) = Directory.Exists(path) ? (path, "*.rules") : (Path.GetDirectoryName(path)!, Path.GetFileName(path));
            if (!Directory.Exists(directory))
            {
                logger.LogWarning("Rules path {Path} does not exist; it is not watched", path);
                continue;
            }
            reload.Watch(new FileSystemWatcher(directory, filter) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        reload?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => reload?.Dispose();
}
