using System.Net;
using System.Net.Sockets;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Health;

/// <summary><c>GET /health</c> at each level, against a real proxy and PostgreSQL.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class HealthEndpointTests(SampleDatabase sample)
{
    private RunningProxy Proxy => sample.Proxy;

    [Theory]
    [InlineData("/health")]
    [InlineData("/health?level=shallow")]
    public async Task Shallow_answers_the_compatible_body(string path)
    {
        var response = await Proxy.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"serving"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_level_is_a_400_naming_the_levels()
    {
        var response = await Proxy.Client.GetAsync("/health?level=full");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_PARAMETER", (string?)json["error_code"]);
        Assert.Contains("shallow, readiness, deep", (string?)json["error_message"]);
    }

    [Fact]
    public async Task Readiness_reports_the_rules_version_and_the_plugins()
    {
        var response = await Proxy.Client.GetAsync("/health?level=readiness");
        var json = await response.JsonAsync();
        var components = json["components"]!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("serving", (string?)json["status"]);
        Assert.Equal("ok", (string?)components["host"]!["status"]);
        Assert.Equal("ok", (string?)components["rules"]!["status"]);
        Assert.Matches("^[0-9a-f]+$", (string?)components["rules"]!["version"]);
        Assert.True((int)components["plugins"]!["count"]! >= 1);
        // Readiness does not touch the databases.
        Assert.DoesNotContain(components, c => c.Key.StartsWith("database:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deep_checks_every_database_and_audit_sink()
    {
        var response = await Proxy.Client.GetAsync("/health?level=deep");
        var json = await response.JsonAsync();
        var components = json["components"]!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)components["database:testdb"]!["status"]);
        Assert.Equal($"{sample.Server.Host}:{sample.Server.Port}/testdb", (string?)components["database:testdb"]!["detail"]);
        Assert.Equal("ok", (string?)components["audit_sink:audit_file/file"]?["status"] ?? Sinks(components));
        Assert.Contains("rules", components.Select(c => c.Key));
    }

    [Fact]
    public async Task Deep_answers_503_naming_a_database_that_does_not_answer_without_its_secrets()
    {
        var closedPort = ClosedPort();
        await using var proxy = await RunningProxy.StartAsync(sample, toml => ReplaceFirst(toml, "[[users]]", GoneDatabase(closedPort) + "[[users]]"));

        var deep = await proxy.Client.GetAsync("/health?level=deep");
        var text = await deep.Content.ReadAsStringAsync();
        var json = await deep.JsonAsync();
        var components = json["components"]!.AsObject();
        var readiness = await proxy.Client.GetAsync("/health?level=readiness");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, deep.StatusCode);
        Assert.Equal("unavailable", (string?)json["status"]);
        Assert.Equal("down", (string?)components["database:gone"]!["status"]);
        Assert.StartsWith($"127.0.0.1:{closedPort}/nowhere", (string?)components["database:gone"]!["detail"]);
        Assert.Equal("ok", (string?)components["database:testdb"]!["status"]);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("ghost", text);
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
    }

    private static string GoneDatabase(int port) => $"""
        [[databases]]
        name = "gone"
        connection_string = "Host=127.0.0.1;Port={port};Database=nowhere;Username=ghost;Password=hunter2-secret"

        """;

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static string Sinks(System.Text.Json.Nodes.JsonObject components) =>
        string.Join(", ", components.Select(c => c.Key));

    /// <summary>A port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
