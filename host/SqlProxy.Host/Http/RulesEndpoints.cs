using SqlProxy.Host.Auth;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>POST /api/v1/rules/reload</c> (and <c>POST /policies/reload</c>, the C++ proxy's name):
/// reload the rules now. Admins only. Answers the version serving afterwards, the warnings of the
/// new text and, when it was refused, every error in it.
/// </summary>
internal static class RulesEndpoints
{
    public const string AdminRole = "admin";

    public static void MapRulesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/rules/reload", Reload);
        app.MapPost("/policies/reload", Reload);
    }

    private static async Task<IResult> Reload(HttpContext http, ApiKeyAuthenticator authenticator, RuleSetProvider rules)
    {
        var user = authenticator.Authenticate(http.Request.Headers.Authorization.FirstOrDefault());
        if (user is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new ReloadResponse(false, null, null, 0, "UNAUTHENTICATED", "a valid API key is required: send `Authorization: Bearer <key>`", [], []), JsonDefaults.Options, statusCode: 401);
        }
        if (!user.Roles.Contains(AdminRole))
            return Results.Json(new ReloadResponse(false, null, null, 0, "FORBIDDEN", $"reloading rules needs the role `{AdminRole}`", [], []), JsonDefaults.Options, statusCode: 403);

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
