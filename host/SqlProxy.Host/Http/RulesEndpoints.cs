using SqlProxy.Host.Auth;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>POST /api/v1/rules/reload</c> (and <c>POST /policies/reload</c>, the C++ proxy's name):
/// reload the rules now. Admins only. Answers the version serving afterwards and, when the new
/// text was refused, every error in it.
/// </summary>
internal static class RulesEndpoints
{
    public const string AdminRole = "admin";

    public static void MapRulesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/rules/reload", Reload);
        app.MapPost("/policies/reload", Reload);
    }

    private static IResult Reload(HttpContext http, ApiKeyAuthenticator authenticator, RuleSetProvider rules)
    {
        var user = authenticator.Authenticate(http.Request.Headers.Authorization.FirstOrDefault());
        if (user is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new ReloadResponse(false, null, null, 0, "UNAUTHENTICATED", "a valid API key is required: send `Authorization: Bearer <key>`", []), JsonDefaults.Options, statusCode: 401);
        }
        if (!user.Roles.Contains(AdminRole))
            return Results.Json(new ReloadResponse(false, null, null, 0, "FORBIDDEN", $"reloading rules needs the role `{AdminRole}`", []), JsonDefaults.Options, statusCode: 403);

        var reload = rules.Reload();
        return reload.Succeeded
            ? Results.Json(new ReloadResponse(true, reload.Serving.Version, reload.PreviousVersion, reload.Serving.Count, null, null, []), JsonDefaults.Options)
            : Results.Json(new ReloadResponse(false, reload.Serving.Version, reload.PreviousVersion, reload.Serving.Count, "RULES_INVALID",
                $"the rules were refused; version {reload.Serving.Version} keeps serving", reload.Errors.Select(e => e.ToString()).ToArray()), JsonDefaults.Options, statusCode: 422);
    }

    private sealed record ReloadResponse(bool Success, string? Version, string? PreviousVersion, int Rules, string? ErrorCode, string? ErrorMessage, IReadOnlyList<string> Errors);
}
