namespace SqlProxy.Host.Http;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is short and plain, else a
/// new one. The id is echoed in the response header and carried by logs and the audit record.
/// </summary>
internal static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static string Of(HttpContext http)
    {
        if (http.Items[Header] is string known) return known;
        var offered = http.Request.Headers[Header].FirstOrDefault();
        var id = offered is { Length: > 0 and <= 64 } && offered.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? offered
            : Guid.NewGuid().ToString("N");
        http.Items[Header] = id;
        return id;
    }

    /// <summary>Middleware: assigns the id before anything else runs and puts it on the response.</summary>
    public static async Task AssignAsync(HttpContext http, RequestDelegate next)
    {
        var id = Of(http);
        http.Response.Headers[Header] = id;
        using (Serilog.Context.LogContext.PushProperty("RequestId", id))
            await next(http);
    }
}
