using System.Net;
using SqlProxy.Host.Pipeline;

namespace SqlProxy.Host.Http;

/// <summary>The query API: <c>POST /api/v1/query</c> and <c>POST /api/v1/query/dry-run</c>.</summary>
internal static class QueryEndpoints
{
    public static void MapQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/query", (HttpContext http, QueryPipeline pipeline) => HandleAsync(http, pipeline, dryRun: false))
            .Documented("Query", "Run SQL through the proxy",
                "Parses every statement, judges it by the rules and the policy plugins, runs it if allowed, classifies and masks the result, "
                + "and writes an audit record on every path out. A blocked request is 403 POLICY_BLOCKED with the deciding rule.",
                ApiExamples.Query);
        app.MapPost("/api/v1/query/dry-run", (HttpContext http, QueryPipeline pipeline) => HandleAsync(http, pipeline, dryRun: true))
            .Documented("DryRun", "Decide without running",
                "Judges the SQL like /api/v1/query but runs nothing: answers the decision (200 also when it would be BLOCK), "
                + "the analysis, and the trace of every rule consulted. Audited like a query.",
                ApiExamples.DryRun);
    }

    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, string name, string summary, string description, OpenApiExamples examples) =>
        endpoint
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .WithTags("Query")
            .Accepts<QueryBodyDocument>("application/json")
            .Produces<QueryResponse>(200)
            .Produces<QueryResponse>(400)
            .Produces<QueryResponse>(401)
            .Produces<QueryResponse>(403)
            .Produces<QueryResponse>(404)
            .Produces<QueryResponse>(413)
            .Produces<QueryResponse>(415)
            .Produces<QueryResponse>(500)
            .Produces<QueryResponse>(503)
            .WithMetadata(examples);

    /// <summary>The request body, as documented: the database (a <c>[[databases]]</c> name) and the SQL text.</summary>
    /// <param name="User">Only with <c>server.trust_user_field</c> (development): the user to act as.</param>
    internal sealed record QueryBodyDocument(string Database, string Sql, string? User);

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
        if (outcome.Failure?.RetryAfter is { } wait)
            http.Response.Headers.RetryAfter = Limits.RetryAfter.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.Response.WriteAsJsonAsync(QueryResponseFactory.Create(outcome), JsonDefaults.Options, http.RequestAborted);
    }

    private static string? ClientAddress(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
