using System.Diagnostics;
using Prometheus;

namespace SqlProxy.Host.Observability;

/// <summary>
/// <c>sqlproxy_http_requests_total{endpoint,method,status}</c> and <c>sqlproxy_http_request_duration_seconds{endpoint}</c>.
/// The endpoint is the matched route pattern (<c>/api/v1/query</c>), never the raw path, so the number of series is
/// bounded by the routes; a request no route matched counts as <c>unmatched</c>.
/// </summary>
internal sealed class HttpMetrics
{
    /// <summary>The endpoint label of requests no route matched.</summary>
    public const string Unmatched = "unmatched";

    private readonly Counter requests;
    private readonly Histogram duration;

    public HttpMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        requests = factory.CreateCounter(
            "sqlproxy_http_requests_total", "HTTP requests answered, by route pattern, method and status code.", "endpoint", "method", "status");
        duration = factory.CreateHistogram(
            "sqlproxy_http_request_duration_seconds", "Time to answer an HTTP request, by route pattern.",
            new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
    }

    /// <summary>Middleware: times the rest of the pipeline and counts the answer, also when it throws (as a 500).</summary>
    public async Task MeasureAsync(HttpContext http, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(http);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var endpoint = EndpointOf(http);
            var status = failed && !http.Response.HasStarted ? 500 : http.Response.StatusCode;
            requests.WithLabels(endpoint, http.Request.Method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            duration.WithLabels(endpoint).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static string EndpointOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } ? pattern : Unmatched;
}
