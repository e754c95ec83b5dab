using Npgsql;
using SqlProxy.Host.Audit.Query;

namespace SqlProxy.Host.Audit.Verification;

/// <summary>
/// Reads the PostgreSQL sink's trail in sequence order, one row at a time (a trail may be far larger than memory).
/// The target is an Npgsql connection string or a <c>postgresql://</c> URI. An unreachable database, a missing table
/// or a bad connection string is an <see cref="AuditTrailException"/> naming the server, never its password.
/// </summary>
internal static class PostgresAuditTrail
{
    private const int ConnectTimeoutSeconds = 10;

    public static IEnumerable<TrailLine> Lines(string connectionString, string schema, string table)
    {
        if (!AuditTable.IsPlainIdentifier(schema)) throw new AuditTrailException($"the schema `{schema}` is not a plain identifier");
        if (!AuditTable.IsPlainIdentifier(table)) throw new AuditTrailException($"the table `{table}` is not a plain identifier");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionString.Parse(connectionString, ConnectTimeoutSeconds);
        }
        catch (FormatException e)
        {
            throw new AuditTrailException($"the connection string is not valid: {e.Message}", e);
        }
        builder.Pooling = false;
        return Read(builder, schema, table);
    }

    private static IEnumerable<TrailLine> Read(NpgsqlConnectionStringBuilder builder, string schema, string table)
    {
        var where = $"{schema}.{table} at {PostgresConnectionString.Describe(builder)}";
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        Guard(where, connection.Open);
        using var command = new NpgsqlCommand($"SELECT seq, entry FROM {AuditTable.Qualified(schema, table)} ORDER BY seq", connection);
        using var reader = Guard(where, () => command.ExecuteReader());
        while (Guard(where, reader.Read))
            yield return new TrailLine($"{schema}.{table} seq {reader.GetInt64(0)}", reader.GetString(1));
    }

    private static void Guard(string where, Action action) => Guard(where, () => { action(); return true; });

    private static T Guard<T>(string where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            throw new AuditTrailException($"{where}: no such table ({e.MessageText})", e);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new AuditTrailException($"{where}: {e.Message}", e);
        }
    }
}
