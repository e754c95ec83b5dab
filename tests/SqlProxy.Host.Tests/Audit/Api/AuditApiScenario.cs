using System.Net;
using Npgsql;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Audit.Api;

/// <summary>
/// A proxy on the sample database with the PostgreSQL audit sink writing to the database <c>audit</c> of the same
/// server, and the requests it has audited: started once for the tests of a class, on first use.
/// </summary>
public sealed class AuditApiScenario : IAsyncLifetime
{
    public const string Table = "api_records";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RunningProxy Proxy { get; private set; } = null!;

    public string AuditConnectionString { get; private set; } = null!;

    /// <summary>When the requests were sent (before the first, after the last).</summary>
    public DateTimeOffset Started { get; private set; }

    public DateTimeOffset Finished { get; private set; }

    /// <summary>The requests sent, in order, with their audit ids.</summary>
    public IReadOnlyList<(string User, string Sql, HttpStatusCode Status, string AuditId)> Requests { get; private set; } = [];

    /// <summary>The TOML that adds the PostgreSQL sink on the sample server (secrets through the environment, as in production).</summary>
    public static string WithPostgresSink(string toml, string port = "${SQLPROXY_DB_PORT}") => toml + $$"""

        [plugins.audit_postgres]
        connection_string = "Host=${SQLPROXY_DB_HOST};Port={{port}};Database=audit;Username=${SQLPROXY_DB_USER};Password=${SQLPROXY_DB_PASSWORD}"
        table = "{{Table}}"

        """;

    public async Task EnsureStartedAsync(SampleDatabase sample)
    {
        await _gate.WaitAsync();
        try
        {
            if (Proxy is not null) return;
            await sample.Server.CreateDatabaseAsync("audit");
            AuditConnectionString = sample.Server.ConnectionString("audit");
            Proxy = await RunningProxy.StartAsync(sample, toml => WithPostgresSink(toml.Replace("watch = true", "watch = false")));
            Started = DateTimeOffset.UtcNow;
            var requests = new List<(string, string, HttpStatusCode, string)>();
            foreach (var (user, key, sql) in new[]
                     {
                         ("analyst", DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1"),
                         ("analyst", DemoKeys.Analyst, "SELECT name FROM customers WHERE id = 1"),
                         ("analyst", DemoKeys.Analyst, "DELETE FROM orders"),
                         ("admin", DemoKeys.Admin, "SELECT id, email FROM customers WHERE ID = 1"),
                         ("admin", DemoKeys.Admin, "SELECT count(*) FROM orders"),
                     })
            {
                var response = await Proxy.QueryAsync(key, sql);
                requests.Add((user, sql, response.StatusCode, (string)(await response.JsonAsync())["audit_id"]!));
            }
            Finished = DateTimeOffset.UtcNow;
            Requests = requests;
            await WaitForRecordsAsync(requests.Select(r => r.Item4).ToArray());
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
    }

    /// <summary>The audit queue writes in the background: wait (at most 30 s) until every record is in the table.</summary>
    private async Task WaitForRecordsAsync(string[] auditIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = new NpgsqlConnection(AuditConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            try
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM sqlproxy_audit.{Table} WHERE audit_id = ANY($1)", connection)
                {
                    Parameters = { new() { Value = auditIds } },
                };
                if ((long)(await count.ExecuteScalarAsync())! == auditIds.Length) return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable || e.SqlState == PostgresErrorCodes.InvalidSchemaName)
            {
                // The sink creates its table at its first write.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the {auditIds.Length} audit records did not reach the table within 30 s");
            await Task.Delay(100);
        }
    }
}
