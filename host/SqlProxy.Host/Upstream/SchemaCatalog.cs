using Npgsql;
using SqlProxy.Analysis;

namespace SqlProxy.Host.Upstream;

/// <summary>
/// The live schema of one database, read from pg_catalog and kept as an immutable snapshot.
/// Refreshed when older than the configured interval (in the background, the old snapshot keeps
/// serving) and after DDL run through the proxy. While the database cannot be read, analysis gets
/// <see cref="DatabaseSchema.Empty"/> and takes the safe reading.
/// </summary>
internal sealed class SchemaCatalog(NpgsqlDataSource dataSource, TimeSpan refreshInterval, ILogger logger)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Snapshot current = new(DatabaseSchema.Empty, DateTimeOffset.MinValue, Loaded: false);

    private sealed record Snapshot(DatabaseSchema Schema, DateTimeOffset Taken, bool Loaded);

    public async ValueTask<DatabaseSchema> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        var age = DateTimeOffset.UtcNow - snapshot.Taken;
        if (snapshot.Loaded && age < refreshInterval) return snapshot.Schema;
        if (snapshot.Loaded)
        {
            _ = Task.Run(() => RefreshAsync(CancellationToken.None), CancellationToken.None);
            return snapshot.Schema;
        }
        if (age < RetryAfterFailure) return snapshot.Schema;
        await RefreshAsync(cancellationToken);
        return current.Schema;
    }

    /// <summary>
    /// Reloads the schema after DDL ran through the proxy, waiting for a load already under way
    /// (it may have read the catalog before the change), so the next request sees the change.
    /// </summary>
    public Task RefreshAfterChangeAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken, waitForLoad: true);

    public Task RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken, waitForLoad: false);

    private async Task RefreshAsync(CancellationToken cancellationToken, bool waitForLoad)
    {
        if (!await loading.WaitAsync(waitForLoad ? Timeout.Infinite : 0, cancellationToken)) return;
        try
        {
            var tables = await CatalogColumns.ReadAsync(dataSource, cancellationToken);
            current = new Snapshot(new DatabaseSchema(tables), DateTimeOffset.UtcNow, Loaded: true);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Could not read the schema of {Database}: {Reason}", dataSource.DatabaseName(), e.Message);
            current = current with { Taken = current.Loaded ? current.Taken : DateTimeOffset.UtcNow };
        }
        finally
        {
            loading.Release();
        }
    }
}
