using Npgsql;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>
/// A private PostgreSQL holding a small schema for the row-filter properties: customers, orders, and regions (read only by
/// predicates). Values include NULLs and the hostile strings the filters are given, so those match rows too.
/// </summary>
public sealed class FilterDatabase : IAsyncLifetime
{
    public const string Name = "rowfilters";

    private const string Schema = """
        CREATE TABLE customers (id int, name text, region text, tier int, vip bool);
        CREATE TABLE orders (id int, customer_id int, status text, amount int);
        CREATE TABLE regions (name text, active bool);
        INSERT INTO customers VALUES
          (1, 'Ann', 'north', 0, true), (2, 'Bob', 'south', 1, false), (3, 'Cy', NULL, 2, NULL),
          (4, 'Di', 'north', 3, false), (5, NULL, 'x'' OR ''1''=''1', 1, true), (6, 'Ed', E'back\\slash', 0, true),
          (7, 'Flo', '''); DELETE FROM customers; --', 2, false), (8, 'Gus', 'east', NULL, true), (9, 'Hal', 'south', 2, NULL),
          (10, 'Ivy', 'north', 1, true);
        INSERT INTO orders VALUES
          (1, 1, 'open', 10), (2, 1, 'closed', 55), (3, 2, 'open', 80), (4, 3, NULL, 20), (5, 4, 'open', 5),
          (6, 4, 'x'' OR ''1''=''1', 90), (7, 5, 'closed', 30), (8, 6, 'open', NULL), (9, 8, 'open', 45), (10, 11, 'open', 60),
          (11, NULL, 'closed', 15), (12, 10, 'closed', 70), (13, 10, 'open', 25), (14, 7, 'open', 35), (15, 9, 'closed', 50);
        INSERT INTO regions VALUES ('north', true), ('south', false), ('east', true), (NULL, true);
        """;

    public PrivatePostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PrivatePostgresServer.StartAsync(new PrivatePostgresOptions());
        await Server.CreateDatabaseAsync(Name);
        await using var connection = Open();
        await using var create = new NpgsqlCommand(Schema, connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(Server.ConnectionString(Name));
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> in a transaction that is rolled back, over all rows or — when <paramref name="restrictTo"/>
    /// is given — over only the rows its filters allow (the others are deleted first, inside the transaction).
    /// </summary>
    public Rows Run(string sql, IReadOnlyList<TableFilter>? restrictTo = null)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var filter in restrictTo ?? [])
        {
            // Each predicate reads only its own row and the unfiltered regions table, so the order of these deletes is irrelevant.
            using var delete = new NpgsqlCommand($"DELETE FROM {filter.Table.Schema}.{filter.Table.Name} WHERE ({filter.Predicate}) IS NOT TRUE", connection, transaction);
            delete.Parameters.AddRange(filter.Values.Select(value => new NpgsqlParameter { Value = value }).ToArray());
            delete.ExecuteNonQuery();
        }

        if (sql.StartsWith("COPY", StringComparison.OrdinalIgnoreCase))
        {
            using var export = connection.BeginTextExport(sql);
            return new Rows(export.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        using var command = new NpgsqlCommand(sql, connection, transaction);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return new Rows(rows);
    }
}
