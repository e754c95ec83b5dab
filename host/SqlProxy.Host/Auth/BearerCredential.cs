namespace SqlProxy.Host.Auth;

/// <summary>Reads the secret of an <c>Authorization: Bearer &lt;secret&gt;</c> header.</summary>
internal static class BearerCredential
{
    private const string Scheme = "Bearer ";

    /// <returns>The secret, trimmed; null when the header is missing, of another scheme, or empty.</returns>
    public static string? Parse(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var secret = authorizationHeader[Scheme.Length..].Trim();
        return secret.Length == 0 ? null : secret;
    }
}
