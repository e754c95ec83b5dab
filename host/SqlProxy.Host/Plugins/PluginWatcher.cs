namespace SqlProxy.Host.Plugins;

/// <summary>
/// Reloads the plugins when something under the plugins directory changes (<c>plugins.watch = true</c>). Copying a
/// plugin folder writes many files, so changes are debounced: the reload runs once things have been quiet for a moment.
/// </summary>
internal sealed class PluginWatcher(PluginCatalog catalog, ILogger<PluginWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);
    private FileSystemWatcher? watcher;
    private Timer? debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = catalog.Config.Directory;
        if (directory is null || !Directory.Exists(directory))
        {
            logger.LogWarning("Plugins directory {Directory} does not exist; it is not watched", directory);
            return Task.CompletedTask;
        }
        debounce = new Timer(_ => _ = ReloadAsync());
        watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (watcher is not null) watcher.EnableRaisingEvents = false;
        debounce?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    private void OnChange(object sender, FileSystemEventArgs e) => debounce?.Change(Quiet, Timeout.InfiniteTimeSpan);

    /// <summary>A timer's reload has no caller to report to: a failure is logged here rather than lost.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            await catalog.ReloadAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Plugins reload after a change in the plugins directory failed; the plugins in force keep serving");
        }
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce?.Dispose();
    }
}
