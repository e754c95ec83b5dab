using Npgsql;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Reads a database's tables and columns from pg_catalog for validating rules. Rules are validated against a
/// fresh read rather than the analysis' cached snapshot, so a table created a moment ago counts.
/// </summary>
internal static class LiveSchemaReader
{
    /// <summary>Every table, view and foreign table with its columns in order.</summary>
    /// <exception cref="NpgsqlException">The database cannot be read.</exception>
    public static async Task<IReadOnlyList<KnownTable>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        (await CatalogColumns.ReadAsync(dataSource, cancellationToken))
            .Select(table => new KnownTable(table.Schema, table.Name, table.Columns))
            .ToArray();

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
