using Npgsql;

namespace SqlProxy.Host.Upstream;

/// <summary>
/// Runs a request's statements as one batch on one pooled connection. PostgreSQL runs a batch in
/// one implicit transaction, so either every statement takes effect or none does. The call goes through the
/// database's circuit breaker: while it is open no connection is even asked for.
/// </summary>
internal sealed class StatementExecutor
{
    /// <param name="maxRows">The most rows kept of the returned result set; <see cref="ExecutionResult.Truncated"/> says when more existed.</param>
    /// <exception cref="Polly.CircuitBreaker.BrokenCircuitException">The database's breaker is open.</exception>
    public async Task<ExecutionResult> ExecuteAsync(UpstreamDatabase database, IReadOnlyList<string> statements, long maxRows, CancellationToken cancellationToken) =>
        await database.Breaker.ExecuteAsync(token => new ValueTask<ExecutionResult>(RunAsync(database, statements, maxRows, token)), cancellationToken);

    private static async Task<ExecutionResult> RunAsync(UpstreamDatabase database, IReadOnlyList<string> statements, long maxRows, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            // A client-side backstop only: the server's statement_timeout normally fires first.
            Timeout = database.Config.StatementTimeoutMs / 1000 + 10,
        };
        foreach (var statement in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));

        IReadOnlyList<ResultColumnInfo> columns = [];
        var rows = new List<object?[]>();
        long rowCount = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                if (reader.FieldCount == 0) continue;
                columns = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => new ResultColumnInfo(reader.GetName(i), reader.GetDataTypeName(i)))
                    .ToArray();
                rows = [];
                rowCount = 0;
                while (await reader.ReadAsync(cancellationToken))
                {
                    // Rows past the maximum are read and dropped, not cancelled: cancelling would roll back
                    // earlier statements of the batch while the client is told they succeeded.
                    if (rowCount++ < maxRows) rows.Add(ReadRow(reader));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        long affected = 0;
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            // PostgreSQL's command tag counts the rows a SELECT returned too; only writes affect rows.
            if (command.StatementType != StatementType.Select) affected += (long)command.Rows;
        }
        return new ExecutionResult(columns, rows, rowCount, affected, Truncated: rowCount > maxRows);
    }

    private static object?[] ReadRow(NpgsqlDataReader reader)
    {
        var row = new object?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++) row[i] = JsonValues.Normalize(reader, i);
        return row;
    }
}
