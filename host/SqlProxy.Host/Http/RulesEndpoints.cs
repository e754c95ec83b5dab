using SqlProxy.Host.Auth;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>POST /api/v1/rules/reload</c> (and <c>POST /policies/reload</c>, the C++ proxy's name):
/// reload the rules now. Admins only (<see cref="AdminAuthorization"/>). Answers the version serving afterwards, the warnings of the
/// new text and, when it was refused, every error in it.
/// </summary>
internal static class RulesEndpoints
{
    public const string AdminRole = AdminAuthorization.AdminRole;

    public static void MapRulesEndpoints(this IEndpointRouteBuilder app)
    {
        Documented(app.MapPost("/api/v1/rules/reload", Reload), "ReloadRules", "Reload the rules");
        Documented(app.MapPost("/policies/reload", Reload), "ReloadPolicies", "Reload the rules (the C++ proxy's path)");
    }

    private static void Documented(RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithName(name)
        .WithSummary(summary)
        .WithDescription("Admins only. Reads the rules files again, compiles and validates them against the live schema and the loaded plugins; "
            + "swaps the new set in only when it has no errors (422 RULES_INVALID lists them, and the old version keeps serving).")
        .WithTags("Administration")
        .Produces<ReloadResponse>(200)
        .Produces<ReloadResponse>(401)
        .Produces<ReloadResponse>(403)
        .Produces<ReloadResponse>(422)
        .WithMetadata(ApiExamples.RulesReload);

    private static async Task<IResult> Reload(HttpContext http, AdminAuthorization admins, RuleSetProvider rules)
    {
        if (admins.Refusal(http, "reloading rules") is { } refusal)
            return Results.Json(new ReloadResponse(false, null, null, 0, refusal.Code, refusal.Message, [], []), JsonDefaults.Options, statusCode: refusal.StatusCode);

        // Not the request's token: a reload half done when the client goes away would still be a reload.
        var reload = await rules.ReloadAsync(CancellationToken.None);
        return reload.Succeeded
            ? Results.Json(new ReloadResponse(true, reload.Serving.Version, reload.PreviousVersion, reload.Serving.Count, null, null, [], reload.Warnings), JsonDefaults.Options)
            : Results.Json(new ReloadResponse(false, reload.Serving.Version, reload.PreviousVersion, reload.Serving.Count, "RULES_INVALID",
                $"the rules were refused; version {reload.Serving.Version} keeps serving", reload.Errors.Select(e => e.ToString()).ToArray(), reload.Warnings),
                JsonDefaults.Options, statusCode: 422);
    }

    private sealed record ReloadResponse(
        bool Success, string? Version, string? PreviousVersion, int Rules, string? ErrorCode, string? ErrorMessage, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
}
