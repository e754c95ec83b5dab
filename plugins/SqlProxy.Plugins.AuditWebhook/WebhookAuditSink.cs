using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>
/// POSTs audit records to an HTTP endpoint as NDJSON (<see cref="NdjsonBatch"/>), at most
/// <see cref="WebhookSettings.BatchSize"/> records per request, in order. A 2xx answer means accepted; 408, 429, 5xx,
/// network errors and timed-out attempts are retried (<see cref="WebhookResilience"/>); any other answer fails at once.
/// <para>
/// Delivery is at-least-once: when <see cref="WriteAsync"/> fails the host keeps the records and sends them again,
/// including the parts of the batch the receiver already accepted, and a request that timed out may still have
/// arrived. Each request carries <c>X-SqlProxy-Batch</c> (its first record's <c>audit_id</c>) and every record its
/// <c>audit_id</c>: the receiver drops duplicates with them.
/// </para>
/// </summary>
public sealed class WebhookAuditSink : IAuditSink, IAsyncDisposable, IDisposable
{
    /// <summary>The header naming a request's first record.</summary>
    public const string BatchHeader = "X-SqlProxy-Batch";

    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the sink and its own connection pool.</summary>
    /// <param name="settings">Where and how to post.</param>
    public WebhookAuditSink(WebhookSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _pipeline = WebhookResilience.Create(settings);
        // Connections are renewed now and then so a receiver behind DNS-based failover is followed.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false };
        // The pipeline bounds each attempt; HttpClient's own timeout would only cut retries short.
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public string Name => "webhook";

    /// <summary>The settings the sink posts with.</summary>
    public WebhookSettings Settings { get; }

    /// <inheritdoc />
    /// <exception cref="HttpRequestException">A part of the batch was not accepted; the message names the URL (without user info or query) and the status or error.</exception>
    public async ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var batch in NdjsonBatch.Split(records, Settings.BatchSize))
        {
            await PostAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the sink's connections.</summary>
    public void Dispose() => _client.Dispose();

    /// <summary>Closes the sink's connections.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PostAsync(NdjsonBatch batch, CancellationToken cancellationToken)
    {
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    using var request = CreateRequest(batch);
                    return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"{Describe(batch, attempts)}: {e.Message}", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            throw new HttpRequestException($"{Describe(batch, attempts)}: the receiver answered {status}", null, response.StatusCode);
        }
    }

    private HttpRequestMessage CreateRequest(NdjsonBatch batch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Settings.Url) { Content = new ReadOnlyMemoryContent(batch.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(NdjsonBatch.MediaType);
        request.Headers.TryAddWithoutValidation(BatchHeader, batch.FirstAuditId);
        if (Settings.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private string Describe(NdjsonBatch batch, int attempts) =>
        $"audit webhook {Settings.DisplayUrl} did not accept batch {batch.FirstAuditId} ({batch.Count} records) after {attempts} attempt(s)";
}
