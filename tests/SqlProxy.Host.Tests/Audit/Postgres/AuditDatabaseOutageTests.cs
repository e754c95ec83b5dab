using System.Net;
using System.Net.Sockets;
using Npgsql;
using SqlProxy.Host.Commands;
using SqlProxy.Host.Tests.Support;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Host.Tests.Audit.Postgres;

/// <summary>
/// The PostgreSQL sink's database is stopped mid-stream: the proxy keeps answering, the records spill, and once the
/// database is back every record arrives, in one unbroken chain.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class AuditDatabaseOutageTests(SampleDatabase sample) : IAsyncLifetime
{
    private const string Password = "outage-secret-Pa55word";
    private readonly string root = Directory.CreateTempSubdirectory("sqlproxy-audit-outage-").FullName;
    private readonly int port = FreeLoopbackPort();
    private PrivatePostgresServer? auditServer;

    private PrivatePostgresOptions Options => new() { DataDirectory = Path.Combine(root, "data"), Port = port, Password = Password };

    public async Task InitializeAsync()
    {
        // The server runs as an unprivileged user, which must be able to reach the data directory.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        auditServer = await PrivatePostgresServer.StartAsync(Options);
        await auditServer.CreateDatabaseAsync("audit");
    }

    [Fact]
    public async Task Every_record_reaches_the_table_once_its_database_is_back()
    {
        var connectionString = auditServer!.ConnectionString("audit");
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml
            .Replace("spill_after_attempts = 3", "spill_after_attempts = 1", StringComparison.Ordinal)
            + $"\n[plugins.audit_postgres]\nconnection_string = \"{connectionString}\"\n");

        var before = await QueryAsync(proxy, "before", 4);
        await WaitForIdsAsync(connectionString, before);

        await auditServer.DisposeAsync();
        auditServer = null;
        var during = await QueryAsync(proxy, "during", 8);

        auditServer = await PrivatePostgresServer.StartAsync(Options);
        var all = before.Concat(during).ToArray();
        var stored = await WaitForIdsAsync(connectionString, all);

        Assert.Equal(all.Order(), stored.Distinct().Order());
        var output = new StringWriter();
        Assert.Equal(0, AuditVerifyCommand.Run(connectionString, "sqlproxy_audit", "records", output, new StringWriter()));
        Assert.StartsWith("OK", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string[]> QueryAsync(RunningProxy proxy, string phase, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await proxy.QueryAsync(DemoKeys.Analyst, $"SELECT count(*) AS {phase}_{i} FROM customers");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((string)(await response.JsonAsync())["audit_id"]!);
        }
        return ids.ToArray();
    }

    private static async Task<string[]> WaitForIdsAsync(string connectionString, IReadOnlyCollection<string> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var stored = await StoredIdsAsync(connectionString);
            if (expected.All(stored.Contains)) return stored;
            Assert.True(DateTime.UtcNow < deadline, $"{expected.Count(id => !stored.Contains(id))} of {expected.Count} records did not arrive within 90 s");
            await Task.Delay(200);
        }
    }

    private static async Task<string[]> StoredIdsAsync(string connectionString)
    {
        try
        {
            // Not pooled: connections from before the restart are dead.
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT audit_id FROM sqlproxy_audit.records ORDER BY seq", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var ids = new List<string>();
            while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
            return ids.ToArray();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (auditServer is not null) await auditServer.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}
