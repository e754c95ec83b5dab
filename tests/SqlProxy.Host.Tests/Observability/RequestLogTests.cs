using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Observability;

/// <summary>With <c>log_format = "json"</c> a real proxy logs JSON lines, and a request's lines carry its request and trace ids.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RequestLogTests(SampleDatabase sample)
{
    [Fact]
    public async Task Every_line_logged_for_a_request_is_json_with_its_request_id_and_trace_id()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        await using var proxy = await LoggedProxy.StartAsync(sample, "json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/query")
        {
            Content = JsonContent.Create(new { database = "testdb", sql = "SELECT id FROM customers LIMIT 1" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DemoKeys.Analyst);
        request.Headers.Add("X-Request-Id", "log-test-1");
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");
        Assert.Equal(HttpStatusCode.OK, (await proxy.Client.SendAsync(request)).StatusCode);

        var lines = await proxy.StopAndReadLogAsync();
        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        var ofRequest = events.Where(e => e.TryGetProperty("RequestId", out var id) && id.GetString() == "log-test-1").ToArray();
        Assert.True(ofRequest.Length > 0, string.Join("\n", lines));
        Assert.All(ofRequest, e => Assert.Equal(traceId, e.GetProperty("TraceId").GetString()));
        // Serilog's request completion line.
        Assert.Contains(ofRequest, e => e.GetProperty("@mt").GetString()!.StartsWith("HTTP {RequestMethod} {RequestPath} responded", StringComparison.Ordinal)
            && e.GetProperty("StatusCode").GetInt32() == 200);
        // Start-up lines are JSON too, and carry no request id.
        Assert.Contains(events, e => e.GetProperty("@mt").GetString()!.StartsWith("Rules loaded", StringComparison.Ordinal) && !e.TryGetProperty("RequestId", out _));
    }

    [Fact]
    public async Task An_unknown_log_format_is_refused_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<SqlProxy.Host.Configuration.ConfigException>(() => LoggedProxy.StartAsync(sample, "xml"));
        Assert.Contains("server.log_format", error.Message);
        Assert.Contains("`xml`", error.Message);
    }
}
