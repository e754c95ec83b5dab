namespace SqlProxy.Host.Configuration;

/// <summary>Reads the <c>[[users]]</c> entries; API keys are accepted only as SHA-256 hashes.</summary>
internal static class UserConfigReader
{
    public static IReadOnlyList<UserConfig> Read(TomlSection top)
    {
        var users = new List<UserConfig>();
        foreach (var section in top.TableArray("users"))
        {
            var name = section.String("name", required: true) ?? "";
            var hash = section.String("api_key_sha256", required: true);
            var bytes = ParseHash(hash);
            if (hash is not null && bytes is null)
                section.Errors.Add(section.KeyOf("api_key_sha256"), "must be 64 hexadecimal characters (the SHA-256 of the key, e.g. from `printf %s KEY | sha256sum`)");
            users.Add(new UserConfig(name, bytes ?? [], section.StringList("roles"), section.StringMap("attributes"), AllowedNetworksReader.Read(section)));
            section.RejectUnknownKeys();
        }
        foreach (var duplicate in users.GroupBy(u => u.Name).Where(g => g.Count() > 1))
            top.Errors.Add("users", $"`{duplicate.Key}` is configured more than once");
        foreach (var shared in users.Where(u => u.ApiKeySha256.Length > 0).GroupBy(u => Convert.ToHexString(u.ApiKeySha256)).Where(g => g.Count() > 1))
            top.Errors.Add("users", $"users {string.Join(", ", shared.Select(u => $"`{u.Name}`"))} share one API key");
        return users;
    }

    internal static byte[]? ParseHash(string? hex)
    {
        if (hex is null || hex.Length != 64) return null;
        try { return Convert.FromHexString(hex); }
        catch (FormatException) { return null; }
    }
}
