using Npgsql;

namespace SqlProxy.PrivatePostgres.Tests;

/// <summary>Helpers shared by the tests: a time limit, and one-line queries.</summary>
internal static class Servers
{
    public const int TestTimeoutMs = 180_000;

    public static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public static async Task<object?> ScalarAsync(PrivatePostgresServer server, string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
