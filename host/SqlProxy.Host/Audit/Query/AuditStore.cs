using Npgsql;

namespace SqlProxy.Host.Audit.Query;

/// <summary>A page of audit entries, newest first, and the <c>before_seq</c> of the next page when there is one.</summary>
internal sealed record AuditPage(IReadOnlyList<(long Seq, string Entry)> Entries, long? NextBeforeSeq);

/// <summary>The audit store could not be reached or read; the message names the table and server, never the password.</summary>
internal sealed class AuditStoreUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Reads the PostgreSQL audit sink's table for the audit API, over its own small connection pool (disposed with the
/// host). When the settings name no table, <see cref="Settings"/> says why (<see cref="AuditStoreSettings.Problem"/>)
/// and there is no pool. A table the sink has not created yet reads as empty.
/// </summary>
internal sealed class AuditStore : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource? _dataSource;

    public AuditStore(AuditStoreSettings settings)
    {
        Settings = settings;
        if (settings.ConnectionString is { } connectionString)
            _dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 10 }.ConnectionString).Build();
    }

    public AuditStoreSettings Settings { get; }

    /// <summary>Whether there is a table to read.</summary>
    public bool IsAvailable => _dataSource is not null;

    public Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = AuditSearchCommand.Create(connection, Settings.QualifiedTable, query);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<(long, string)>();
            while (await reader.ReadAsync(cancellationToken)) entries.Add((reader.GetInt64(0), reader.GetString(1)));
            if (entries.Count <= query.Limit) return new AuditPage(entries, null);
            entries.RemoveAt(entries.Count - 1);
            return new AuditPage(entries, entries[^1].Item1);
        }, new AuditPage([], null), cancellationToken);

    public Task<AuditStats> StatsAsync(AuditStatsQuery range, CancellationToken cancellationToken) =>
        ReadAsync(connection => AuditStatsBatch.RunAsync(connection, Settings.QualifiedTable, range, cancellationToken),
            new AuditStats(range.From, range.To, 0, [], [], [], []), cancellationToken);

    public ValueTask DisposeAsync() => _dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _dataSource?.Dispose();

    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, T whenNoTable, CancellationToken cancellationToken)
    {
        var dataSource = _dataSource ?? throw new InvalidOperationException(Settings.Problem);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await read(connection);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return whenNoTable;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            if (e is not PostgresException) dataSource.Clear();
            throw new AuditStoreUnavailableException($"the audit store {Settings.Description} is unavailable: {e.Message}", e);
        }
    }

    // Not reachable, refusing connections, shutting down, out of resources, or refusing the credentials.
    private static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException postgres => postgres.SqlState[..2] is "08" or "53" or "57" or "28" or "3D",
        NpgsqlException or TimeoutException => true,
        _ => false,
    };
}
