using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>POST /api/v1/config/reload</c>: reads the configuration file again and applies what can change live (users,
/// admin token, traffic limits). Admins only (<see cref="AdminAuthorization"/>). A file that does not validate answers
/// 422 <c>CONFIG_INVALID</c> with every error, and the configuration in force keeps serving.
/// </summary>
internal static class ConfigEndpoints
{
    public const string ConfigInvalid = "CONFIG_INVALID";

    public static void MapConfigEndpoints(this IEndpointRouteBuilder app) => app
        .MapPost("/api/v1/config/reload", Reload)
        .WithName("ReloadConfig")
        .WithSummary("Reload the configuration")
        .WithDescription("Admins only. Reads the configuration file the proxy started with again (as SIGHUP does) and validates it. "
            + "When it is valid, the users (API keys, roles, attributes, allowed_networks), the admin token and the traffic limits of [limits] "
            + "are swapped in at once; `applied` lists what changed. Other differences (server, databases, rules, audit, plugins, classification, "
            + "max_sql_bytes, max_parse_depth, parse_cache_entries) are not applied: `restart_required` lists them. "
            + "When it is not valid, 422 CONFIG_INVALID lists every error and the configuration in force keeps serving.")
        .WithTags("Administration")
        .Produces<ConfigReloadResponse>(200)
        .Produces<ConfigReloadResponse>(401)
        .Produces<ConfigReloadResponse>(403)
        .Produces<ConfigReloadResponse>(422)
        .WithMetadata(ApiExamples.ConfigReload);

    private static IResult Reload(HttpContext http, AdminAuthorization admins, ConfigReloader reloader)
    {
        if (admins.Refusal(http, "reloading the configuration") is { } refusal)
            return Results.Json(new ConfigReloadResponse(false, [], [], refusal.Code, refusal.Message, []), JsonDefaults.Options, statusCode: refusal.StatusCode);

        var reload = reloader.Reload("POST /api/v1/config/reload");
        return reload.Succeeded
            ? Results.Json(new ConfigReloadResponse(true, reload.Applied, reload.RestartRequired, null, null, []), JsonDefaults.Options)
            : Results.Json(new ConfigReloadResponse(false, [], [], ConfigInvalid,
                "the configuration was refused; the configuration in force keeps serving", reload.Errors), JsonDefaults.Options, statusCode: 422);
    }

    private sealed record ConfigReloadResponse(
        bool Success, IReadOnlyList<string> Applied, IReadOnlyList<string> RestartRequired, string? ErrorCode, string? ErrorMessage, IReadOnlyList<string> Errors);
}
