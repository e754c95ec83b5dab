using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// Reloads the plugins when something under the plugins directory changes (<c>plugins.watch = true</c>), debounced:
/// copying a plugin folder writes many files.
/// </summary>
internal sealed class PluginWatcher(PluginCatalog catalog, PluginReloader reloader, ILogger<PluginWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);
    private DebouncedReload? reload;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = catalog.Config.Directory;
        if (directory is null || !Directory.Exists(directory))
        {
            logger.LogWarning("Plugins directory {Directory} does not exist; it is not watched", directory);
            return Task.CompletedTask;
        }
        reload = new DebouncedReload(
            Quiet,
            async () => await reloader.ReloadAsync(CancellationToken.None),
            e => logger.LogError(e, "Plugins reload after a change in the plugins directory failed; the plugins in force keep serving"));
        reload.Watch(new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        reload?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => reload?.Dispose();
}
