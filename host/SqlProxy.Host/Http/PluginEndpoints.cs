using SqlProxy.Host.Auth;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>GET /api/v1/plugins</c>: the loaded plugins and the folders that failed. <c>POST /api/v1/plugins/reload</c>:
/// load the plugin directories again, swap the new set in, and answer its listing; or, when the new set is refused
/// (422 <c>PLUGINS_REFUSED</c>), every reason, the folders that failed, and the listing of the set still serving.
/// Admins only.
/// </summary>
internal static class PluginEndpoints
{
    public static void MapPluginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plugins", List);
        app.MapPost("/api/v1/plugins/reload", Reload);
    }

    private static IResult List(HttpContext http, ApiKeyAuthenticator authenticator, PluginCatalog catalog) =>
        Refusal(http, authenticator, "listing plugins") ?? Listing(catalog, catalog.Current);

    private static async Task<IResult> Reload(HttpContext http, ApiKeyAuthenticator authenticator, PluginCatalog catalog, PluginReloader reloader)
    {
        if (Refusal(http, authenticator, "reloading plugins") is { } refusal) return refusal;
        // Not the request's token: a reload half done when the client goes away would still be a reload.
        var reload = await reloader.ReloadAsync(CancellationToken.None);
        if (reload.Swapped) return Listing(catalog, reload.Serving);
        return Results.Json(
            new RefusedResponse(
                false,
                "PLUGINS_REFUSED",
                "the reloaded plugins were refused; the plugins in force keep serving",
                reload.Refusals,
                reload.Failures.Select(Entry).ToArray(),
                Response(catalog, reload.Serving)),
            JsonDefaults.Options,
            statusCode: 422);
    }

    private static IResult? Refusal(HttpContext http, ApiKeyAuthenticator authenticator, string what)
    {
        var user = authenticator.Authenticate(http.Request.Headers.Authorization.FirstOrDefault());
        if (user is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new ErrorResponse(false, "UNAUTHENTICATED", "a valid API key is required: send `Authorization: Bearer <key>`"), JsonDefaults.Options, statusCode: 401);
        }
        return user.Roles.Contains(RulesEndpoints.AdminRole)
            ? null
            : Results.Json(new ErrorResponse(false, "FORBIDDEN", $"{what} needs the role `{RulesEndpoints.AdminRole}`"), JsonDefaults.Options, statusCode: 403);
    }

    private static IResult Listing(PluginCatalog catalog, PluginSnapshot snapshot) => Results.Json(Response(catalog, snapshot), JsonDefaults.Options);

    private static ListingResponse Response(PluginCatalog catalog, PluginSnapshot snapshot) => new(
        true,
        catalog.Config.Directory,
        catalog.Config.BuiltInDirectory,
        snapshot.Plugins.Select(p => new PluginEntry(p.Name, p.Version, p.Kinds, p.Source, p.Folder, p.LoadedAt, snapshot.StateOf(p))).ToArray(),
        snapshot.Failures.Select(Entry).ToArray());

    private static FailureEntry Entry(PluginFailure failure) => new(failure.Source, failure.Folder, failure.Reason);

    private sealed record ListingResponse(
        bool Success, string? Directory, string? BuiltinDirectory, IReadOnlyList<PluginEntry> Plugins, IReadOnlyList<FailureEntry> Failures);

    private sealed record RefusedResponse(
        bool Success, string ErrorCode, string ErrorMessage, IReadOnlyList<string> Errors, IReadOnlyList<FailureEntry> Failures, ListingResponse Serving);

    private sealed record PluginEntry(
        string Name, string Version, IReadOnlyList<string> Kinds, string Source, string Folder, DateTimeOffset LoadedAt, string State);

    private sealed record FailureEntry(string Source, string Folder, string Reason);

    private sealed record ErrorResponse(bool Success, string ErrorCode, string ErrorMessage);
}
