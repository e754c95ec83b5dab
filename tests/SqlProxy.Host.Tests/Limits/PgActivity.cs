using Npgsql;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>Watches pg_stat_activity, to know that a statement sent through the proxy is running in the database.</summary>
internal static class PgActivity
{
    /// <summary>Waits (up to 20 s) until a statement containing <paramref name="fragment"/> is active.</summary>
    public static async Task WaitForRunningAsync(PrivatePostgresServer server, string fragment)
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString("postgres"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND position($1 in query) > 0");
            command.Parameters.AddWithValue(fragment);
            if ((long)(await command.ExecuteScalarAsync())! > 0) return;
            Assert.True(DateTime.UtcNow < deadline, $"no statement with `{fragment}` started within 20 s");
            await Task.Delay(50);
        }
    }
}
