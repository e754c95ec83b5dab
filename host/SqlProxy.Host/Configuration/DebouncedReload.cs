namespace SqlProxy.Host.Configuration;

/// <summary>
/// Runs a reload once file-system watchers have been quiet for a moment: editors and copies write in several steps,
/// and one reload should follow them, not one per step. A timer's reload has no caller to report to, so a failure
/// goes to <c>reloadFailed</c> rather than being lost.
/// </summary>
internal sealed class DebouncedReload(TimeSpan quiet, Func<Task> reload, Action<Exception> reloadFailed) : IDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Timer debounce = new(_ => _ = RunAsync(reload, reloadFailed));

    /// <summary>Starts raising the watcher's changes; the watcher is owned (and disposed) from here on.</summary>
    public void Watch(FileSystemWatcher watcher)
    {
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;
        watchers.Add(watcher);
    }

    public void Stop()
    {
        foreach (var watcher in watchers) watcher.EnableRaisingEvents = false;
        debounce.Change(Timeout.Infinite, Timeout.Infinite);
    }

    private void OnChange(object sender, FileSystemEventArgs e) => debounce.Change(quiet, Timeout.InfiniteTimeSpan);

    private static async Task RunAsync(Func<Task> reload, Action<Exception> reloadFailed)
    {
        try
        {
            await reload();
        }
        catch (Exception e)
        {
            reloadFailed(e);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
        debounce.Dispose();
    }
}
