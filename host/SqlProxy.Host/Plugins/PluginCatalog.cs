using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// The plugins in force: one immutable <see cref="PluginSnapshot"/> behind one volatile reference. A reload loads the
/// directory again off to the side and swaps the new snapshot in at once. A request takes a <see cref="PluginLease"/>
/// at its start and finishes on that snapshot; the replaced snapshot is disposed and unloaded when its last lease goes,
/// and the collection of its load contexts is confirmed (and logged) by a bounded garbage-collection loop.
/// </summary>
public sealed partial class PluginCatalog : IAsyncDisposable
{
    private const int CollectionAttempts = 10;
    private readonly PluginLoader loader;
    private readonly ILogger<PluginCatalog> logger;
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile PluginSnapshot current = PluginSnapshot.Empty();

    /// <summary>Creates an empty catalog; <see cref="ReloadAsync"/> loads it.</summary>
    public PluginCatalog(PluginsConfig config, ILogger<PluginCatalog> logger, TimeProvider? time = null)
    {
        Config = config;
        this.logger = logger;
        loader = new PluginLoader(config, time ?? TimeProvider.System);
    }

    /// <summary>The <c>[plugins]</c> configuration.</summary>
    public PluginsConfig Config { get; }

    /// <summary>The snapshot serving now, for reporting; a caller that calls its extensions takes a lease instead.</summary>
    public PluginSnapshot Current => current;

    /// <summary>Holds the serving snapshot until the lease is disposed.</summary>
    public PluginLease Acquire()
    {
        while (true)
        {
            var snapshot = current;
            if (snapshot.TryAcquire()) return new PluginLease(snapshot, this);
            // Swapped out and released between the read and the acquire: the next read sees its successor.
        }
    }

    /// <summary>
    /// Loads the plugin directories again, off to the side, and swaps the result in unless <paramref name="check"/>
    /// finds a reason to refuse it (then it is unloaded and the serving set stays). Reloads run one at a time.
    /// </summary>
    /// <param name="check">Why the loaded set must not serve, one sentence each; none when it may.</param>
    public async Task<PluginReload> ReloadAsync(CancellationToken cancellationToken, Func<PluginSnapshot, IReadOnlyList<string>>? check = null)
    {
        await reloading.WaitAsync(cancellationToken);
        try
        {
            var (loaded, failures) = await loader.LoadAllAsync(cancellationToken);
            var next = new PluginSnapshot(loaded, failures);
            foreach (var failure in failures) LogFailed(failure.Source, failure.Folder, failure.Reason);
            var refusals = check?.Invoke(next) ?? [];
            if (refusals.Count > 0)
            {
                LogRefused(string.Join(Environment.NewLine, refusals));
                var refusedUnloaded = next.Unloaded;
                Release(next);
                return new PluginReload(current, refusedUnloaded, refusals, failures);
            }
            var previous = Interlocked.Exchange(ref current, next);
            foreach (var plugin in next.Plugins) LogLoaded(plugin.Name, plugin.Version, plugin.Source, plugin.Folder, string.Join(", ", plugin.Kinds));
            var previousUnloaded = previous.Unloaded;
            Release(previous);
            return new PluginReload(next, previousUnloaded, [], failures);
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>Unloads the serving snapshot (once its leases are gone) and waits, boundedly, for it.</summary>
    public async ValueTask DisposeAsync()
    {
        var last = Interlocked.Exchange(ref current, PluginSnapshot.Empty());
        var unloaded = last.Unloaded;
        Release(last);
        await unloaded.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    internal void Release(PluginSnapshot snapshot)
    {
        // Off the caller's thread: the last request on a replaced snapshot must not wait for its disposal and collections.
        if (snapshot.Release()) _ = Task.Run(() => UnloadAsync(snapshot));
    }

    private async Task UnloadAsync(PluginSnapshot snapshot)
    {
        try
        {
            // No local holds the plugins across the collection loop: only weak references survive ReleaseAsync.
            var contexts = await ReleaseAsync(snapshot.Detach());
            var alive = contexts;
            for (var attempt = 0; attempt < CollectionAttempts && alive.Count > 0; attempt++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                alive = alive.Where(context => context.Context.IsAlive).ToArray();
                if (alive.Count > 0) await Task.Delay(50);
            }
            var report = new UnloadReport(contexts.Count, alive.Select(context => context.Folder).ToArray());
            if (report.Collected) { if (report.Contexts > 0) LogCollected(report.Contexts); }
            else LogStillAlive(string.Join(", ", report.StillAlive), CollectionAttempts);
            snapshot.ReportUnloaded(report);
        }
        catch (Exception e)
        {
            LogUnloadFailed(e);
            snapshot.ReportUnloaded(new UnloadReport(0, ["?"]));
        }
    }

    private async Task<IReadOnlyList<(string Folder, WeakReference Context)>> ReleaseAsync(IReadOnlyList<LoadedPlugin> plugins)
    {
        foreach (var plugin in plugins) await DisposeExtensionsAsync(plugin);
        return Unload(plugins);
    }

    private async Task DisposeExtensionsAsync(LoadedPlugin plugin)
    {
        var extensions = plugin.Extensions;
        IEnumerable<object> all = [.. extensions.Classifiers, .. extensions.PolicyEvaluators, .. extensions.Maskers, .. extensions.AuditSinks];
        foreach (var extension in all.Distinct(ReferenceEqualityComparer.Instance))
        {
            try
            {
                var disposal = extension switch
                {
                    IAsyncDisposable asyncDisposable => asyncDisposable.DisposeAsync().AsTask(),
                    IDisposable disposable => PluginThread.Run(disposable.Dispose),
                    _ => Task.CompletedTask,
                };
                await disposal.WaitAsync(TimeSpan.FromMilliseconds(Config.CallTimeoutMs));
            }
            catch (Exception e)
            {
                LogDisposeFailed(e, plugin.Info.Name);
            }
        }
    }

    private static IReadOnlyList<(string Folder, WeakReference Context)> Unload(IReadOnlyList<LoadedPlugin> plugins)
    {
        foreach (var plugin in plugins) plugin.Loader.Dispose();
        return plugins.Select(plugin => (plugin.Info.Folder, plugin.Context)).ToArray();
    }

    [LoggerMessage(LogLevel.Information, "Plugin {Plugin} {Version} loaded from {Source} folder {Folder} ({Kinds})")]
    private partial void LogLoaded(string plugin, string version, string source, string folder, string kinds);

    [LoggerMessage(LogLevel.Warning, "Plugin {Source} folder {Folder} did not load: {Reason}")]
    private partial void LogFailed(string source, string folder, string reason);

    [LoggerMessage(LogLevel.Error, "Plugins reload refused; the plugins in force keep serving: {Refusals}")]
    private partial void LogRefused(string refusals);

    [LoggerMessage(LogLevel.Information, "{Contexts} plugin load context(s) unloaded and collected")]
    private partial void LogCollected(int contexts);

    [LoggerMessage(LogLevel.Warning, "The load contexts of plugin folder(s) {Folders} are still alive after {Attempts} collections: something still references them")]
    private partial void LogStillAlive(string folders, int attempts);

    [LoggerMessage(LogLevel.Warning, "Disposing an extension of plugin {Plugin} failed")]
    private partial void LogDisposeFailed(Exception exception, string plugin);

    [LoggerMessage(LogLevel.Error, "Unloading plugins failed")]
    private partial void LogUnloadFailed(Exception exception);
}
