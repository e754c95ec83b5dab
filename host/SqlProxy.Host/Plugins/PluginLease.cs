namespace SqlProxy.Host.Plugins;

/// <summary>
/// A request's hold on one plugin snapshot: the snapshot stays loaded until the lease is disposed, even when a
/// reload has replaced it in the meantime.
/// </summary>
public sealed class PluginLease : IDisposable
{
    private readonly PluginCatalog catalog;
    private PluginSnapshot? snapshot;

    internal PluginLease(PluginSnapshot snapshot, PluginCatalog catalog)
    {
        this.snapshot = snapshot;
        this.catalog = catalog;
    }

    /// <summary>The snapshot held.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public PluginSnapshot Snapshot => snapshot ?? throw new ObjectDisposedException(nameof(PluginLease));

    /// <summary>Gives the snapshot back; disposing twice gives it back once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref snapshot, null) is { } held) catalog.Release(held);
    }
}
