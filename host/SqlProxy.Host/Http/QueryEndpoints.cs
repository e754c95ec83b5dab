using System.Net;
using SqlProxy.Host.Pipeline;

namespace SqlProxy.Host.Http;

/// <summary>The query API: <c>POST /api/v1/query</c>, <c>POST /api/v1/query/dry-run</c>, and <c>GET /health</c>.</summary>
internal static class QueryEndpoints
{
    public static void MapQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/query", (HttpContext http, QueryPipeline pipeline) => HandleAsync(http, pipeline, dryRun: false));
        app.MapPost("/api/v1/query/dry-run", (HttpContext http, QueryPipeline pipeline) => HandleAsync(http, pipeline, dryRun: true));
        app.MapGet("/health", () => Results.Json(new { status = "serving" }));
    }

    private static async Task HandleAsync(HttpContext http, QueryPipeline pipeline, bool dryRun)
    {
        var (body, bodyError) = await QueryBodyReader.ReadAsync(http.Request, http.RequestAborted);
        var request = new QueryRequest(
            RequestIds.Of(http),
            DateTimeOffset.UtcNow,
            ClientAddress(http.Connection.RemoteIpAddress),
            http.Request.Headers.Authorization.FirstOrDefault(),
            dryRun,
            body,
            bodyError);
        var outcome = await pipeline.RunAsync(request, http.RequestAborted);
        if (http.RequestAborted.IsCancellationRequested) return;

        // A dry run that would be blocked has still done its job: the decision says BLOCK.
        var status = outcome.Failure is { StatusCode: 403 } && dryRun ? 200 : outcome.Failure?.StatusCode ?? 200;
        http.Response.StatusCode = status;
        if (status == 401) http.Response.Headers.WWWAuthenticate = "Bearer";
        await http.Response.WriteAsJsonAsync(QueryResponseFactory.Create(outcome), JsonDefaults.Options, http.RequestAborted);
    }

    private static string? ClientAddress(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
