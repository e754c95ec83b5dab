using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Tests.Support;

/// <summary>
/// The real proxy on a free 127.0.0.1 port, configured like samples/sqlproxy.toml (the sample rules),
/// with its audit file in a temporary directory. <paramref name="tweak"/> edits the TOML text.
/// </summary>
public sealed class RunningProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private RunningProxy(WebApplication app, string directory, HttpClient client)
    {
        this.app = app;
        this.directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The configuration file the proxy started with (a configuration reload reads it again).</summary>
    public string ConfigPath => Path.Combine(directory, "sqlproxy.toml");

    /// <summary>The proxy's services, for tests that drive a component directly (e.g. the SIGHUP handler).</summary>
    public IServiceProvider Services => app.Services;

    public string AuditFile => Path.Combine(directory, "audit.jsonl");

    /// <param name="rulesDirectory">Rules to use instead of samples/rules.</param>
    public static async Task<RunningProxy> StartAsync(SampleDatabase database, Func<string, string>? tweak = null, string? rulesDirectory = null)
    {
        var directory = Directory.CreateTempSubdirectory("sqlproxy-test-").FullName;
        var toml = SampleToml.Text(rulesDirectory);
        var configPath = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(configPath, (tweak ?? (t => t))(toml));
        WebApplication app;
        try
        {
            var lookup = SampleToml.Environment(database.Server);
            var config = ConfigLoader.Load(configPath, lookup);
            app = ProxyApp.Build(config, "http://127.0.0.1:0", environment: lookup);
            await app.StartAsync();
        }
        catch
        {
            // A proxy that does not start (e.g. rules that do not compile) leaves no temporary directory behind.
            Directory.Delete(directory, recursive: true);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningProxy(app, directory, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    public Task<HttpResponseMessage> QueryAsync(string? key, string sql, string database = "testdb", bool dryRun = false) =>
        PostAsync(key, JsonContent.Create(new { database, sql }), dryRun);

    public Task<HttpResponseMessage> PostAsync(string? key, HttpContent content, bool dryRun = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, dryRun ? "/api/v1/query/dry-run" : "/api/v1/query") { Content = content };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Client.SendAsync(request);
    }

    /// <summary>A request without a body, e.g. an admin endpoint.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Client.SendAsync(request);
    }

    public static HttpContent RawJson(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static HttpContent RawJson(string body) => RawJson(Encoding.UTF8.GetBytes(body));

    /// <summary>Stops the proxy the way SIGTERM does: in-flight work finishes and the audit queue drains.</summary>
    public Task StopAsync() => app.StopAsync();

    /// <summary>The audit records written so far, waiting up to 10 s for <paramref name="expectedAuditId"/> to appear.</summary>
    public async Task<IReadOnlyList<JsonObject>> AuditRecordsAsync(string? expectedAuditId = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var records = File.Exists(AuditFile)
                ? (await File.ReadAllLinesAsync(AuditFile)).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray()
                : [];
            if (expectedAuditId is null || records.Any(r => (string?)r["audit_id"] == expectedAuditId) || DateTime.UtcNow > deadline)
                return records;
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
