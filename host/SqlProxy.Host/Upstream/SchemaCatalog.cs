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
    private const string ColumnsQuery = """
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
        WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY n.nspname, c.relname, a.attnum
        """;

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
            var tables = new List<TableColumns>();
            await using (var command = dataSource.CreateCommand(ColumnsQuery))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                string? schema = null, name = null;
                List<string> columns = [];
                while (await reader.ReadAsync(cancellationToken))
                {
                    var (s, n) = (reader.GetString(0), reader.GetString(1));
                    if (s != schema || n != name)
                    {
                        if (name is not null) tables.Add(new TableColumns(schema!, name, columns));
                        (schema, name, columns) = (s, n, []);
                    }
                    columns.Add(reader.GetString(2));
                }
                if (name is not null) tables.Add(new TableColumns(schema!, name, columns));
            }
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
