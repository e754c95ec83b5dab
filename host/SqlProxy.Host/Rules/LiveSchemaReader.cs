using Npgsql;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Reads a database's tables and columns from pg_catalog for validating rules. Rules are validated against a
/// fresh read rather than the analysis' cached snapshot, so a table created a moment ago counts.
/// </summary>
internal static class LiveSchemaReader
{
    private const string ColumnsQuery = """
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
        WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    /// <summary>Every table, view and foreign table with its columns in order.</summary>
    /// <exception cref="NpgsqlException">The database cannot be read.</exception>
    public static async Task<IReadOnlyList<KnownTable>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var tables = new List<KnownTable>();
        await using var command = dataSource.CreateCommand(ColumnsQuery);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? schema = null, name = null;
        List<string> columns = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var (s, n) = (reader.GetString(0), reader.GetString(1));
            if (s != schema || n != name)
            {
                if (name is not null) tables.Add(new KnownTable(schema!, name, columns));
                (schema, name, columns) = (s, n, []);
            }
            columns.Add(reader.GetString(2));
        }
        if (name is not null) tables.Add(new KnownTable(schema!, name, columns));
        return tables;
    }

    /// <summary>
    /// Reads every database at once. A database that cannot be read maps to null, and <paramref name="unread"/>
    /// says why in one sentence each (never the connection string: it holds the password).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<KnownTable>?>> ReadAllAsync(
        IReadOnlyDictionary<string, NpgsqlDataSource> databases, List<string> unread, CancellationToken cancellationToken)
    {
        var reads = databases.ToDictionary(entry => entry.Key, entry => TryReadAsync(entry.Value, cancellationToken), StringComparer.Ordinal);
        await Task.WhenAll(reads.Values);
        var schemas = new Dictionary<string, IReadOnlyList<KnownTable>?>(StringComparer.Ordinal);
        foreach (var (database, read) in reads)
        {
            var (tables, failure) = read.Result;
            schemas[database] = tables;
            if (failure is not null)
                unread.Add($"the schema of database `{database}` could not be read ({failure}): names in it were not checked");
        }
        return schemas;
    }

    private static async Task<(IReadOnlyList<KnownTable>? Tables, string? Failure)> TryReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadAsync(dataSource, cancellationToken), null);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return (null, e.Message.TrimEnd('.'));
        }
    }
}
