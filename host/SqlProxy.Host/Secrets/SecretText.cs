namespace SqlProxy.Host.Secrets;

/// <summary>
/// How a secret (an API key, a token) may appear in a log line: its first and last 4 characters around <c>****</c>
/// (<c>sk-a****-key</c>), enough to tell keys apart and never enough to use one; a secret shorter than 12 characters
/// shows as <c>****</c> alone.
/// </summary>
internal static class SecretText
{
    public const string Hidden = "****";

    public static string Obfuscate(string? secret) =>
        secret is null ? "(none)"
        : secret.Length < 12 ? Hidden
        : string.Concat(secret.AsSpan(0, 4), Hidden, secret.AsSpan(secret.Length - 4));

    /// <summary>The credential of an <c>Authorization</c> header, obfuscated (<c>Bearer sk-a****-key</c>).</summary>
    public static string ObfuscateAuthorization(string? header)
    {
        if (string.IsNullOrEmpty(header)) return "(none)";
        var space = header.IndexOf(' ');
        return space < 0 ? Obfuscate(header) : string.Concat(header.AsSpan(0, space + 1), Obfuscate(header[(space + 1)..].Trim()));
    }
}
