using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>
/// The retry policy of one webhook: a timeout per attempt inside retries with exponential backoff and jitter.
/// Retried: network errors, timed-out attempts, 408, 429 and 5xx. A 429 or 503 with <c>Retry-After</c> waits as
/// told, at most <see cref="MaxRetryAfter"/>.
/// </summary>
public static class WebhookResilience
{
    /// <summary>The longest <c>Retry-After</c> honoured; a longer one is cut to this.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Builds the pipeline for <paramref name="settings"/>.</summary>
    /// <param name="settings">The webhook's settings.</param>
    /// <param name="timeProvider">The clock (tests may pass their own).</param>
    public static ResiliencePipeline<HttpResponseMessage> Create(WebhookSettings settings, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider ?? TimeProvider.System };
        if (settings.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.Retries,
                Delay = settings.Backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsRetryable(response.StatusCode)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, timeProvider ?? TimeProvider.System)),
            });
        }

        return builder.AddTimeout(settings.Timeout).Build();
    }

    /// <summary>Whether a response with this status is worth another attempt.</summary>
    /// <param name="status">The response's status.</param>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait a 429 or 503 asks for with <c>Retry-After</c>, capped; null to use the backoff.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        if (response?.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return null;
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }
}
