using System.Text.Json;
using System.Text.Json.Serialization;
using SqlProxy.Host.Health;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>GET /health?level=shallow|readiness|deep</c>: 200 with <c>{"status":"serving"}</c> (and the components checked),
/// or 503 <c>{"status":"unavailable","components":{…}}</c> naming each component and what is wrong with it; 400 for an
/// unknown level. No authentication, like <c>/metrics</c>: expose it only to load balancers and monitoring. It shows
/// versions, plugin and database names and <c>host:port/database</c>, never data, keys or connection strings.
/// </summary>
internal static class HealthEndpoints
{
    public const string Path = "/health";

    private static readonly JsonSerializerOptions Json = new(JsonDefaults.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static RouteHandlerBuilder MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Check)
            .WithName("Health")
            .WithSummary("Is the proxy serving?")
            .WithDescription("No authentication. `level=shallow` (default): the process answers. `readiness`: rules and plugins (one audit sink at least) "
                + "serve and the host is started and not stopping. `deep`: readiness, every database answers SELECT 1 within 2 s, and every audit sink "
                + "is ok (its plugin not faulty, no spilled batches waiting for it). 503 names each component and what is wrong; details never hold connection strings or keys.")
            .WithTags("Operations")
            .Produces<HealthReport>(200)
            .Produces<HealthReport>(503)
            .Produces<HealthError>(400)
            .WithMetadata(ApiExamples.Health);

    /// <param name="level">shallow (default), readiness or deep.</param>
    private static async Task<IResult> Check(HttpContext http, HealthProbe probe, string? level)
    {
        if (HealthLevels.Parse(level) is not { } parsed)
            return Results.Json(new HealthError(false, "BAD_PARAMETER", $"`level` must be one of {string.Join(", ", HealthLevels.Names)}, not `{level}`"),
                JsonDefaults.Options, statusCode: 400);
        var report = await probe.CheckAsync(parsed, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        // Shallow answers exactly the body it always had.
        object body = report.Components.Count == 0 ? new { status = report.Status } : report;
        return Results.Json(body, Json, statusCode: report.IsServing ? 200 : 503);
    }

    internal sealed record HealthError(bool Success, string ErrorCode, string ErrorMessage);
}
