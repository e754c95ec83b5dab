using Npgsql;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditPostgres;

/// <summary>Reads a sink's table back and checks its chain the way <c>sqlproxy audit verify</c> does.</summary>
internal static class TrailTable
{
    public static async Task<IReadOnlyList<(long Seq, AuditChainEntry Entry)>> ReadAsync(string connectionString, string table, string schema = "sqlproxy_audit")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT seq, entry FROM \"{schema}\".\"{table}\" ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, AuditChainEntry)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), AuditChain.Parse(reader.GetString(1))));
        return rows;
    }

    /// <summary>Asserts seq 1..n, each entry intact, numbered as its row and linked to the one before.</summary>
    public static void AssertUnbrokenChain(IReadOnlyList<(long Seq, AuditChainEntry Entry)> rows, int expectedCount)
    {
        Assert.Equal(expectedCount, rows.Count);
        var previousHash = AuditChain.GenesisHash;
        for (var i = 0; i < rows.Count; i++)
        {
            var (seq, entry) = rows[i];
            Assert.Equal(i + 1, seq);
            Assert.Equal(seq, entry.Sequence);
            Assert.True(entry.IsIntact, $"entry {seq} is not intact");
            Assert.Equal(previousHash, entry.PreviousHash);
            previousHash = entry.Hash;
        }
    }

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
