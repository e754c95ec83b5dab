using Npgsql;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>
/// Appends audit records to a PostgreSQL table as one hash chain (<see cref="AuditChain"/>), numbered by <c>seq</c>.
/// Each batch is one transaction: take the table's advisory lock, read the chain's end, copy the batch in, commit — so
/// any number of writers (an old and a new plugin instance, several proxies) extend one unbroken chain. The schema and
/// table are created when missing, at the first write and again after a failure (the database may have been down,
/// or recreated). A failed batch throws: nothing of it is stored, and the host retries it.
/// </summary>
public sealed class PostgresAuditSink : IAuditSink, IAsyncDisposable
{
    // Built at the first write: the plugin's load stays cheap (the host gives it a short time), and touches no network.
    private readonly Lazy<NpgsqlDataSource> _dataSource;
    private readonly Lazy<AuditConnectionSettings> _connection;
    private readonly AuditTableName _table;
    private volatile bool _tableReady;
    private volatile bool _disposed;

    internal PostgresAuditSink(string connectionStringKey, string connectionString, AuditTableName table)
    {
        _table = table;
        // Read at the first write (see AuditPostgresPlugin); a connection string that does not parse fails every write.
        _connection = new(() => AuditConnectionSettings.Parse(connectionStringKey, connectionString), LazyThreadSafetyMode.PublicationOnly);
        _dataSource = new(() => NpgsqlDataSource.Create(_connection.Value.ConnectionString), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string Name => "postgres";

    // Where the trail goes, for messages: schema.table at host:port/database (no secret).
    private string Target => $"{_table} at {_connection.Value}";

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (records.Count == 0) return;
        try
        {
            await AppendAsync(records, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            _tableReady = false;
            // Pooled connections to a server that went away are dead: the next batch starts with fresh ones.
            if (e is not PostgresException) _dataSource.Value.Clear();
            throw new AuditWriteException($"writing {records.Count} audit record(s) to {Target} failed: {e.Message}", e);
        }
        catch
        {
            _tableReady = false;
            throw;
        }
    }

    /// <summary>Closes the connections; later writes fail with <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return _dataSource.IsValueCreated ? _dataSource.Value.DisposeAsync() : ValueTask.CompletedTask;
    }

    private async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.Value.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, _table.LockKey).ConfigureAwait(false);
        if (!_tableReady)
        {
            foreach (var statement in _table.CreateStatements())
                await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }

        var (lastSequence, lastHash) = await ChainEndAsync(connection, cancellationToken).ConfigureAwait(false);
        var rows = new List<AuditRow>(records.Count);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            var entry = AuditChain.Link(record, lastSequence + 1, lastHash);
            rows.Add(AuditRow.From(record, entry));
            (lastSequence, lastHash) = (entry.Sequence, entry.Hash);
        }

        await AuditRow.CopyAsync(connection, _table, rows, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _tableReady = true;
    }

    private async Task<(long Sequence, string Hash)> ChainEndAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT seq, hash FROM {_table.Qualified} ORDER BY seq DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt64(0), reader.GetString(1))
            : (0, AuditChain.GenesisHash);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
