namespace SqlProxy.Host.Rules;

/// <summary>
/// Reloads the rules when a file under the configured paths changes. Editors write a file in
/// several steps, so changes are debounced: the reload runs once things have been quiet for a moment.
/// </summary>
internal sealed class RulesWatcher(RuleSetProvider rules, ILogger<RulesWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private readonly List<FileSystemWatcher> watchers = [];
    private Timer? debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        debounce = new Timer(_ => _ = ReloadAsync());
        foreach (var path in rules.Config.Paths)
        {
            var (directory, filter) = Directory.Exists(path) ? (path, "*.rules") : (Path.GetDirectoryName(path)!, Path.GetFileName(path));
            if (!Directory.Exists(directory))
            {
                logger.LogWarning("Rules path {Path} does not exist; it is not watched", path);
                continue;
            }
            var watcher = new FileSystemWatcher(directory, filter) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var watcher in watchers) watcher.EnableRaisingEvents = false;
        debounce?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    private void OnChange(object sender, FileSystemEventArgs e) => debounce?.Change(Quiet, Timeout.InfiniteTimeSpan);

    /// <summary>A timer's reload has no caller to report to: a failure is logged here rather than lost.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            await rules.ReloadAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rules reload after a file change failed; the rules in force keep serving");
        }
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
        debounce?.Dispose();
    }
}
