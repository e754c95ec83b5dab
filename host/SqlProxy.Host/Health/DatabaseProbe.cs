using Npgsql;
using SqlProxy.Host.Upstream;

namespace SqlProxy.Host.Health;

/// <summary>Checks that one configured database answers <c>SELECT 1</c> within a short timeout, through its own pool.</summary>
internal static class DatabaseProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task<ComponentHealth> CheckAsync(UpstreamDatabase database, CancellationToken cancellationToken)
    {
        var where = Where(database.DataSource.ConnectionString);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return new ComponentHealth(ComponentHealth.Ok, where);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ComponentHealth("down", $"{where}: no answer to SELECT 1 within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new ComponentHealth("down", $"{where}: {Describe(e)}");
        }
    }

    /// <summary><c>host:port/database</c>, the only part of a connection string a health report shows.</summary>
    public static string Where(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    // Npgsql's messages name the host and the failure, never the password; PostgreSQL errors are reduced to their code.
    private static string Describe(Exception e) => e switch
    {
        PostgresException postgres => $"PostgreSQL error {postgres.SqlState}",
        NpgsqlException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };
}
