using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SqlProxy.Host.Tests.Support;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>
/// The circuit breaker of a database, against a real PostgreSQL that is stopped and started again (same cluster, same
/// port): once enough requests found it down, requests answer 503 DATABASE_UNAVAILABLE at once with Retry-After; once it
/// is back and the break has passed, the same proxy serves again.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class CircuitBreakerTests(SampleDatabase sample) : IAsyncLifetime
{
    private const string Password = "breaker-test-Pa55word";
    private const string Sql = "SELECT id FROM orders LIMIT 1";
    private readonly string root = Directory.CreateTempSubdirectory("sqlproxy-breaker-").FullName;
    private readonly int port = FreeLoopbackPort();
    private PrivatePostgresServer? server;

    private PrivatePostgresOptions Options => new() { DataDirectory = Path.Combine(root, "data"), Port = port, Password = Password };

    public async Task InitializeAsync()
    {
        // The server runs as an unprivileged user, which must be able to reach the data directory.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        server = await PrivatePostgresServer.StartAsync(Options);
        await server.CreateDatabaseAsync("testdb");
        await server.RunScriptsAsync("testdb", Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "db"), "*.sql").Order(StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_database_that_goes_down_is_refused_fast_and_served_again_once_it_is_back()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml
            .Replace("Port=${SQLPROXY_DB_PORT:-5432}", $"Port={port}")
            .Replace("Password=${SQLPROXY_DB_PASSWORD}", $"Password={Password}")
            .Replace("schema_refresh_seconds = 60", "schema_refresh_seconds = 60\nbreaker_failure_ratio = 0.5\nbreaker_minimum_throughput = 3\nbreaker_break_seconds = 2"));
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);

        await server!.DisposeAsync();
        server = null;

        // Until the breaker has seen enough failures, each request tries the database and fails on its own.
        var codes = new List<string?>();
        for (var i = 0; i < 10 && codes.LastOrDefault() != "DATABASE_UNAVAILABLE"; i++)
        {
            var response = await proxy.QueryAsync(DemoKeys.Analyst, Sql);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            codes.Add((string?)(await response.JsonAsync())["error_code"]);
        }
        Assert.Equal("DATABASE_UNAVAILABLE", codes[^1]);
        Assert.All(codes[..^1], code => Assert.Equal("UPSTREAM_UNAVAILABLE", code));

        // While open: refused without trying the database. The bound is loose, a sanity check only.
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await proxy.QueryAsync(DemoKeys.Analyst, Sql);
            watch.Stop();
            if (response.StatusCode == HttpStatusCode.OK) break;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var json = await response.JsonAsync();
            if ((string?)json["error_code"] != "DATABASE_UNAVAILABLE") continue; // a half-open probe after the break
            Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            Assert.Contains("database `testdb` is unavailable", (string?)json["error_message"]);
            Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"an open breaker took {watch.Elapsed}");
        }

        server = await PrivatePostgresServer.StartAsync(Options);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            status = (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Errors_of_the_statement_itself_and_statement_timeouts_never_open_the_breaker()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml
            .Replace("statement_timeout_ms = 5000", "statement_timeout_ms = 300")
            .Replace("schema_refresh_seconds = 60", "schema_refresh_seconds = 60\nbreaker_failure_ratio = 0.5\nbreaker_minimum_throughput = 2\nbreaker_break_seconds = 30"));

        for (var i = 0; i < 4; i++)
        {
            var error = await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1/0");
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal("QUERY_ERROR", (string?)(await error.JsonAsync())["error_code"]);
            var timeout = await proxy.QueryAsync(DemoKeys.Admin, "SELECT pg_sleep(2)");
            Assert.Equal(HttpStatusCode.GatewayTimeout, timeout.StatusCode);
            Assert.Equal("STATEMENT_TIMEOUT", (string?)(await timeout.JsonAsync())["error_code"]);
        }
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1")).StatusCode);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
