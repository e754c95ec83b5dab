using Npgsql;

namespace SqlProxy.PrivatePostgres;

/// <summary>Runs SQL files: each file's whole text as one command (several statements, one implicit transaction).</summary>
internal static class ScriptRunner
{
    private const int CommandTimeoutSeconds = 600;

    public static async Task RunAsync(string connectionString, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { IncludeFailedBatchedCommand = true };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            var script = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(script)) continue;
            await using var command = new NpgsqlCommand(script, connection) { CommandTimeout = CommandTimeoutSeconds };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException error)
            {
                var (index, count) = FailedStatement(command, error);
                throw new InvalidOperationException(ScriptError.Describe(file, script, error, index, count), error);
            }
        }
    }

    /// <summary>Which of the statements Npgsql split the command into failed (its error position counts from that statement).</summary>
    private static (int Index, int Count) FailedStatement(NpgsqlCommand command, PostgresException error)
    {
#pragma warning disable CS0618 // Statements is the only public view of how Npgsql split a command's text.
        var statements = command.Statements;
#pragma warning restore CS0618
        for (var i = 0; i < statements.Count; i++)
        {
            if (ReferenceEquals(statements[i], error.BatchCommand)) return (i, statements.Count);
        }
        return (-1, statements.Count);
    }
}
