using System.Net;
using SqlProxy.Plugins.AuditWebhook;
using SqlProxy.Plugins.Tests.AuditFile;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditWebhook;

/// <summary>The webhook sink against a real HTTP server on 127.0.0.1.</summary>
public sealed class WebhookAuditSinkTests
{
    private const string Secret = "Bearer whk-0123456789-abcdefghij-SECRET";

    [Fact]
    public async Task Records_arrive_as_ndjson_in_order_and_parse_back()
    {
        using var server = new WebhookTestServer(_ => ScriptedAnswer.Ok);
        AuditRecord[] records = [AuditRecords.Full(), AuditRecords.Minimal("a-2"), AuditRecords.Minimal("a-3")];
        await using (var sink = await CreateSinkAsync(server.Url, (WebhookSettings.AuthorizationKey, Secret)))
        {
            Assert.Equal("webhook", sink.Name);
            await sink.WriteAsync(records, CancellationToken.None);
        }

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("application/x-ndjson", request.ContentType);
        Assert.Equal("a-1", request.Batch);
        Assert.Equal(Secret, request.Authorization);
        Assert.EndsWith("\n", request.Body);
        var lines = request.Body.Split('\n')[..^1];
        Assert.Equal(records, lines.Select(AuditRecordJson.Deserialize), new SerializedEquality());
        Assert.Equal(records.Select(AuditRecordJson.Serialize), lines);
    }

    [Fact]
    public async Task A_large_batch_is_sent_as_several_posts_in_order()
    {
        using var server = new WebhookTestServer(_ => ScriptedAnswer.Ok);
        var records = Enumerable.Range(1, 7).Select(i => AuditRecords.Minimal($"a-{i}")).ToArray();
        await using (var sink = await CreateSinkAsync(server.Url, (WebhookSettings.BatchSizeKey, 3L)))
        {
            await sink.WriteAsync(records, CancellationToken.None);
        }

        var requests = server.Requests;
        Assert.Equal(["a-1", "a-4", "a-7"], requests.Select(r => r.Batch));
        Assert.Equal([3, 3, 1], requests.Select(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        var received = requests.SelectMany(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(AuditRecordJson.Deserialize);
        Assert.Equal(records.Select(r => r.AuditId), received.Select(r => r.AuditId));
    }

    [Fact]
    public async Task Two_503s_are_retried_and_the_third_attempt_delivers()
    {
        using var server = new WebhookTestServer(n => n < 2 ? new ScriptedAnswer(503) : ScriptedAnswer.Ok);
        await using (var sink = await CreateSinkAsync(server.Url, (WebhookSettings.BackoffKey, 10L)))
        {
            await sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None);
        }

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("a-1", r.Batch));
    }

    [Fact]
    public async Task A_400_fails_at_once_naming_url_and_status_but_not_the_authorization()
    {
        using var server = new WebhookTestServer(_ => new ScriptedAnswer(400));
        await using var sink = await CreateSinkAsync(server.Url + "hook?token=query-secret", (WebhookSettings.AuthorizationKey, Secret), (WebhookSettings.BackoffKey, 10L));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None).AsTask());

        Assert.Single(server.Requests);
        Assert.Equal(Secret, server.Requests[0].Authorization);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(server.Url + "hook", error.Message);
        Assert.Contains("400", error.Message);
        Assert.DoesNotContain("query-secret", error.Message);
        Assert.DoesNotContain("whk-0123456789", error.ToString());
    }

    [Fact]
    public async Task Exhausted_retries_fail_with_the_last_status()
    {
        using var server = new WebhookTestServer(_ => new ScriptedAnswer(500));
        await using var sink = await CreateSinkAsync(server.Url, (WebhookSettings.RetriesKey, 2L), (WebhookSettings.BackoffKey, 10L), (WebhookSettings.AuthorizationKey, Secret));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None).AsTask());

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.DoesNotContain("whk-0123456789", error.ToString());
    }

    [Fact]
    public async Task A_receiver_that_never_answers_fails_after_the_retries_time_out()
    {
        using var server = new WebhookTestServer(_ => ScriptedAnswer.Never);
        await using var sink = await CreateSinkAsync(server.Url, (WebhookSettings.TimeoutKey, 300L), (WebhookSettings.RetriesKey, 2L), (WebhookSettings.BackoffKey, 10L));

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None).AsTask())
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, server.Requests.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(900), "each of the 3 attempts waits for its 300 ms timeout");
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task Retry_after_on_429_is_honoured()
    {
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "1" };
        using var server = new WebhookTestServer(n => n == 0 ? new ScriptedAnswer(429, retryAfter) : ScriptedAnswer.Ok);
        await using (var sink = await CreateSinkAsync(server.Url, (WebhookSettings.BackoffKey, 1L)))
        {
            await sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        // Without Retry-After the 1 ms backoff would retry almost at once.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        string url;
        using (var stopped = new WebhookTestServer(_ => ScriptedAnswer.Ok)) url = stopped.Url;
        await using var sink = await CreateSinkAsync(url, (WebhookSettings.RetriesKey, 1L), (WebhookSettings.BackoffKey, 10L));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None).AsTask());

        Assert.Contains("after 2 attempt(s)", error.Message);
        Assert.Contains(url, error.Message);
    }

    internal static async Task<WebhookAuditSink> CreateSinkAsync(string url, params (string Key, object Value)[] settings)
    {
        var values = new Dictionary<string, object> { [WebhookSettings.UrlKey] = url };
        foreach (var (key, value) in settings) values[key] = value;
        var extensions = await new AuditWebhookPlugin().CreateExtensionsAsync(new PluginSettings(values), CancellationToken.None);
        return Assert.IsType<WebhookAuditSink>(Assert.Single(extensions.AuditSinks));
    }

    private sealed class SerializedEquality : IEqualityComparer<AuditRecord>
    {
        public bool Equals(AuditRecord? x, AuditRecord? y) => AuditRecordJson.Serialize(x!) == AuditRecordJson.Serialize(y!);

        public int GetHashCode(AuditRecord obj) => AuditRecordJson.Serialize(obj).GetHashCode(StringComparison.Ordinal);
    }
}
