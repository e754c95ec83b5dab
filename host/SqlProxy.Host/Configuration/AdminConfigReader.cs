namespace SqlProxy.Host.Configuration;

/// <param name="TokenSha256">
/// SHA-256 of the admin token (32 bytes), or null: no admin token, only users with the role <c>admin</c> reach the
/// admin endpoints.
/// </param>
public sealed record AdminConfig(byte[]? TokenSha256)
{
    /// <summary>No <c>[admin]</c> table.</summary>
    public static AdminConfig None { get; } = new((byte[]?)null);
}

/// <summary>Reads the <c>[admin]</c> table: the admin token, accepted only as its SHA-256 hash.</summary>
internal static class AdminConfigReader
{
    public static AdminConfig Read(TomlSection section)
    {
        var hex = section.String("token_sha256");
        var hash = UserConfigReader.ParseHash(hex);
        if (hex is not null && hash is null)
            section.Errors.Add(section.KeyOf("token_sha256"), "must be 64 hexadecimal characters (the SHA-256 of the admin token, e.g. from `printf %s TOKEN | sha256sum`)");
        section.RejectUnknownKeys();
        return new AdminConfig(hash);
    }
}
