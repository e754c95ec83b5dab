using Npgsql;
using SqlProxy.Analysis;

namespace SqlProxy.Host.Upstream;

/// <summary>Reads every table, view and foreign table of a database, with its columns in order, from pg_catalog.</summary>
internal static class CatalogColumns
{
    private const string ColumnsQuery = """
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
        WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    /// <exception cref="NpgsqlException">The database cannot be read.</exception>
    public static async Task<IReadOnlyList<TableColumns>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var tables = new List<TableColumns>();
        await using var command = dataSource.CreateCommand(ColumnsQuery);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? schema = null, name = null;
        List<string> columns = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var (s, n) = (reader.GetString(0), reader.GetString(1));
            if (s != schema || n != name)
            {
                if (name is not null) tables.Add(new TableColumns(schema!, name, columns));
                (schema, name, columns) = (s, n, []);
            }
            columns.Add(reader.GetString(2));
        }
        if (name is not null) tables.Add(new TableColumns(schema!, name, columns));
        return tables;
    }
}
