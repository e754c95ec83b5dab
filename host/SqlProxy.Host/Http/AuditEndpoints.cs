using System.Text.Json.Nodes;
using SqlProxy.Host.Audit.Query;
using SqlProxy.Host.Auth;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>GET /api/v1/audit</c> (search the trail, newest first, paged by <c>before_seq</c>) and
/// <c>GET /api/v1/audit/stats</c> (counts by decision, user, table and hour). Admins only (<see cref="AdminAuthorization"/>). Served from the PostgreSQL
/// audit sink's table (<c>[plugins.audit_postgres]</c>); without it, 404 <c>AUDIT_QUERY_UNAVAILABLE</c>.
/// </summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", Search)
            .WithName("SearchAudit")
            .WithSummary("Search the audit trail")
            .WithDescription("Admins only. Audit records from the PostgreSQL audit sink's table, newest first, filtered by the query parameters "
                + "and paged by `before_seq` (the answer's `next_before_seq`). 404 AUDIT_QUERY_UNAVAILABLE without [plugins.audit_postgres].")
            .ProducesAuditAnswers()
            .WithMetadata(ApiExamples.AuditSearch);
        app.MapGet("/api/v1/audit/stats", Stats)
            .WithName("AuditStats")
            .WithSummary("Count the audit trail")
            .WithDescription("Admins only. Counts of audit records by decision, user, table and hour over a time window.")
            .ProducesAuditAnswers()
            .WithMetadata(ApiExamples.AuditStats);
    }

    private static RouteHandlerBuilder ProducesAuditAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .WithTags("Audit")
        .Produces<JsonObject>(200)
        .Produces<AuditError>(400)
        .Produces<AuditError>(401)
        .Produces<AuditError>(403)
        .Produces<AuditError>(404)
        .Produces<AuditError>(503);

    private static Task<IResult> Search(HttpContext http, AdminAuthorization admins, AuditStore store) =>
        Serve(http, admins, store, async () =>
        {
            var page = await store.SearchAsync(AuditQueryParameters.Search(http.Request.Query), http.RequestAborted);
            var records = new JsonArray();
            foreach (var (seq, entry) in page.Entries) records.Add(AuditEntryJson.Record(seq, entry));
            var body = new JsonObject { ["records"] = records };
            if (page.NextBeforeSeq is { } next) body["next_before_seq"] = next;
            return body;
        });

    private static Task<IResult> Stats(HttpContext http, AdminAuthorization admins, AuditStore store) =>
        Serve(http, admins, store, async () =>
            AuditEntryJson.Stats(await store.StatsAsync(AuditQueryParameters.Stats(http.Request.Query, DateTimeOffset.UtcNow), http.RequestAborted)));

    private static async Task<IResult> Serve(HttpContext http, AdminAuthorization admins, AuditStore store, Func<Task<JsonObject>> answer)
    {
        if (admins.Refusal(http, "reading the audit") is { } refusal) return Error(refusal.StatusCode, refusal.Code, refusal.Message);
        if (!store.IsAvailable) return Error(404, "AUDIT_QUERY_UNAVAILABLE", store.Settings.Problem!);
        try
        {
            return Results.Json(await answer(), JsonDefaults.Options);
        }
        catch (BadAuditParameterException e)
        {
            return Error(400, "BAD_PARAMETER", e.Message);
        }
        catch (AuditStoreUnavailableException e)
        {
            return Error(503, "AUDIT_STORE_UNAVAILABLE", e.Message);
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new AuditError(false, code, message), JsonDefaults.Options, statusCode: status);

    private sealed record AuditError(bool Success, string ErrorCode, string ErrorMessage);
}
