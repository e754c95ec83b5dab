using SqlProxy.Host.Auth;
using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Http;

/// <summary>
/// <c>GET /api/v1/plugins</c>: the loaded plugins and the folders that failed. <c>POST /api/v1/plugins/reload</c>:
/// load the plugin directories again, swap the new set in, and answer its listing; or, when the new set is refused
/// (422 <c>PLUGINS_REFUSED</c>), every reason, the folders that failed, and the listing of the set still serving.
/// Admins only (<see cref="AdminAuthorization"/>).
/// </summary>
internal static class PluginEndpoints
{
    public static void MapPluginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plugins", List)
            .WithName("ListPlugins")
            .WithSummary("List the plugins")
            .WithDescription("Admins only. The plugins of the serving snapshot (name, version, kinds, state) and the folders that failed to load.")
            .WithTags("Administration")
            .Produces<ListingResponse>(200)
            .Produces<ErrorResponse>(401)
            .Produces<ErrorResponse>(403)
            .WithMetadata(ApiExamples.Plugins);
        app.MapPost("/api/v1/plugins/reload", Reload)
            .WithName("ReloadPlugins")
            .WithSummary("Reload the plugins")
            .WithDescription("Admins only. Loads the plugin directories again and swaps the new set in; when it is refused (422 PLUGINS_REFUSED) "
                + "the answer gives every reason, the folders that failed and the listing of the set still serving.")
            .WithTags("Administration")
            .Produces<ListingResponse>(200)
            .Produces<ErrorResponse>(401)
            .Produces<ErrorResponse>(403)
            .Produces<RefusedResponse>(422)
            .WithMetadata(ApiExamples.PluginsReload);
    }

    private static IResult List(HttpContext http, AdminAuthorization admins, PluginCatalog catalog) =>
        Refusal(http, admins, "listing plugins") ?? Listing(catalog, catalog.Current);

    private static async Task<IResult> Reload(HttpContext http, AdminAuthorization admins, PluginCatalog catalog, PluginReloader reloader)
    {
        if (Refusal(http, admins, "reloading plugins") is { } refusal) return refusal;
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

    private static IResult? Refusal(HttpContext http, AdminAuthorization admins, string what) =>
        admins.Refusal(http, what) is { } refusal
            ? Results.Json(new ErrorResponse(false, refusal.Code, refusal.Message), JsonDefaults.Options, statusCode: refusal.StatusCode)
            : null;

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
