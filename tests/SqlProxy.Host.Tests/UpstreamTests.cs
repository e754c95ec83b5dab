using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>Database failures answer 5xx quickly with a clear message; limits from the config hold.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class UpstreamTests(SampleDatabase sample)
{
    [Fact]
    public async Task An_unreachable_database_answers_503_without_hanging()
    {
        var closedPort = FreePort();
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("Port=${SQLPROXY_DB_PORT:-5432}", $"Port={closedPort}"));
        var watch = Stopwatch.StartNew();

        var response = await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("UPSTREAM_UNAVAILABLE", (string?)(await response.JsonAsync())["error_code"]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_statement_past_the_timeout_answers_504()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("statement_timeout_ms = 5000", "statement_timeout_ms = 300"));
        var response = await proxy.QueryAsync(DemoKeys.Admin, "SELECT pg_sleep(5)");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("STATEMENT_TIMEOUT", (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task Results_are_cut_at_max_rows_and_say_so()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("max_rows = 10000", "max_rows = 7"));
        var json = await (await proxy.QueryAsync(DemoKeys.Admin, "SELECT id FROM orders")).JsonAsync();

        Assert.Equal(7, json["data"]!["rows"]!.AsArray().Count);
        Assert.True((bool)json["data"]!["truncated"]!);
        Assert.True((long)json["data"]!["row_count"]! > 7);
    }

    [Fact]
    public async Task The_trusted_user_field_chooses_the_user_only_when_enabled()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("trust_user_field = false", "trust_user_field = true"));
        var response = await proxy.PostAsync(null, RunningProxy.RawJson("""{"database":"testdb","sql":"SELECT name FROM customers LIMIT 1","user":"analyst"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
