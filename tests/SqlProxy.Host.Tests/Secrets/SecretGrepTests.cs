using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Secrets;

/// <summary>
/// The real <c>sqlproxy serve</c> process, with failing audit sinks that carry secrets in their settings, takes good and
/// bad keys and statements with passwords; afterwards nothing it wrote — console, audit file, spilled records — holds
/// any of those secrets.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class SecretGrepTests(SampleDatabase sample) : IDisposable
{
    private const string WrongKey = "sk-wrong-secret-key-9876";
    private const string WebhookToken = "whk-secret-token-0123456789";
    private const string AuditDbPassword = "pg-audit-secret-pw";
    private const string RolePassword = "role-secret-pw-42";
    private const string DblinkPassword = "dblink-secret-77";
    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-secrets-").FullName;

    [Fact]
    public async Task No_secret_appears_in_the_logs_the_audit_or_the_spill()
    {
        var closedPort = FreePort();
        var port = FreePort();
        var toml = SampleToml.Text()
            .Replace("spill_after_attempts = 3", "spill_after_attempts = 1")
            + $"""

            [plugins.audit_webhook]
            url = "http://127.0.0.1:{closedPort}/ingest"
            authorization = "${"{"}SQLPROXY_WEBHOOK_AUTH{"}"}"
            timeout_ms = 200
            retries = 1

            [plugins.audit_postgres]
            connection_string = "Host=127.0.0.1;Port={closedPort};Database=audit;Username=auditor;Password={AuditDbPassword}"
            """;
        var config = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(config, toml);

        var output = new StringBuilder();
        using var process = StartServe(config, port, output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilServingAsync(client, process, output);

            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, DemoKeys.Analyst, "/api/v1/query", "SELECT name FROM customers LIMIT 1")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, WrongKey, "/api/v1/query", "SELECT 1")).StatusCode);
            await SendAsync(client, DemoKeys.Admin, "/api/v1/query/dry-run", $"ALTER ROLE sqlproxy PASSWORD '{RolePassword}'");
            await SendAsync(client, DemoKeys.Admin, "/api/v1/query/dry-run", $"SELECT dblink_connect('host=x password={DblinkPassword} dbname=y')");
            await Task.Delay(1000); // let the failing sinks try (and log) at least once
        }
        finally
        {
            Stop(process);
        }

        var audit = File.ReadAllText(Path.Combine(directory, "audit.jsonl"));
        var spilled = string.Concat(Directory.EnumerateFiles(Path.Combine(directory, "audit-spill"), "*.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText));
        var everything = output + "\n" + audit + "\n" + spilled;

        // The paths that could leak were taken: the sinks failed and said so, the statements were audited and spilled.
        Assert.Contains("audit_webhook/webhook", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("audit_postgres/postgres", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("PASSWORD '********'", audit, StringComparison.Ordinal);
        Assert.Contains("password=********", spilled, StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED", audit, StringComparison.Ordinal);
        Assert.Contains("Bearer sk-w****9876", output.ToString(), StringComparison.Ordinal);
        foreach (var secret in new[] { sample.Server.Password, DemoKeys.Analyst, DemoKeys.Admin, WrongKey, WebhookToken, AuditDbPassword, RolePassword, DblinkPassword })
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"`{secret}` was written out");
    }

    private Process StartServe(string config, int port, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sqlproxy.dll"), "serve", "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.Environment["SQLPROXY_URL"] = $"http://127.0.0.1:{port}";
        start.Environment["SQLPROXY_DB_HOST"] = sample.Server.Host;
        start.Environment["SQLPROXY_DB_PORT"] = sample.Server.Port.ToString();
        start.Environment["SQLPROXY_DB_USER"] = sample.Server.Username;
        start.Environment["SQLPROXY_DB_PASSWORD"] = sample.Server.Password;
        start.Environment["SQLPROXY_WEBHOOK_AUTH"] = "Bearer " + WebhookToken;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Process process, StringBuilder output)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
        {
            Assert.False(process.HasExited, "sqlproxy serve exited: " + output);
            Assert.True(DateTime.UtcNow < deadline, "sqlproxy serve did not answer within 60 s: " + output);
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key, string path, string sql)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { database = "testdb", sql }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client.SendAsync(request);
    }

    /// <summary>SIGTERM, as an operator's stop would send, then the exit (a clean one drains the audit).</summary>
    private static void Stop(Process process)
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) kill.WaitForExit();
        if (!process.WaitForExit(60_000)) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
