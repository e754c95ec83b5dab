using SqlProxy.Host.Limits;

namespace SqlProxy.Host.Auth;

/// <summary>
/// Who may call the admin endpoints (rules, plugin and configuration reloads, the audit API): the admin token of
/// <c>[admin] token_sha256</c>, or a user with the role <c>admin</c> (kept for compatibility; such a user is also bound
/// by its <c>allowed_networks</c>). The lockout applies as on the query API.
/// </summary>
internal sealed class AdminAuthorization(ClientAuthenticator authenticator)
{
    public const string AdminRole = "admin";

    /// <summary>Checks the request; on a refusal also sets the response's <c>WWW-Authenticate</c> or <c>Retry-After</c> header.</summary>
    /// <param name="what">What the caller wants to do, for the 403 message (e.g. "reloading rules").</param>
    /// <returns>Null when the caller is an administrator; else the refusal to answer.</returns>
    public AuthRefusal? Refusal(HttpContext http, string what)
    {
        var result = authenticator.Authenticate(http.Request.Headers.Authorization.FirstOrDefault(), http.Connection.RemoteIpAddress, acceptAdminToken: true);
        var refusal = result.Refusal;
        if (refusal is null && !result.IsAdminToken && result.User?.Roles.Contains(AdminRole) != true)
            refusal = new AuthRefusal(403, "FORBIDDEN", $"{what} needs the admin token or the role `{AdminRole}`");
        if (refusal is not null) ApplyHeaders(http.Response, refusal);
        return refusal;
    }

    public static void ApplyHeaders(HttpResponse response, AuthRefusal refusal)
    {
        if (refusal.StatusCode == 401) response.Headers.WWWAuthenticate = "Bearer";
        if (refusal.RetryAfter is { } wait) response.Headers.RetryAfter = RetryAfter.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
