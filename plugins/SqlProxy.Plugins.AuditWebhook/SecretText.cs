namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>Shows a secret in messages without giving it away.</summary>
public static class SecretText
{
    /// <summary>
    /// The first 4 and last 4 characters with <c>****</c> between, or only <c>****</c> when the secret is shorter
    /// than 12 characters (showing 8 of fewer would give most of it away).
    /// </summary>
    /// <param name="secret">The secret.</param>
    public static string Obfuscate(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length < 12 ? "****" : $"{secret[..4]}****{secret[^4..]}";
    }
}
