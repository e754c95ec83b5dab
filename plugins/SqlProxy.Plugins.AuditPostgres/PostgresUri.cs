using Npgsql;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>
/// Turns a <c>postgresql://user:password@host:port/database?key=value</c> URI into Npgsql's connection string form,
/// which <see cref="NpgsqlConnectionStringBuilder"/> does not read. (The host has the same conversion for
/// <c>sqlproxy audit verify</c>: a plugin shares nothing with it but the SDK.)
/// </summary>
internal static class PostgresUri
{
    private static readonly Dictionary<string, string> QueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
    };

    public static bool IsUri(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The builder for <paramref name="text"/>, a URI or a connection string.</summary>
    /// <exception cref="FormatException">It does not parse; the message holds none of its text (it may hold a password).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        try
        {
            return IsUri(text) ? FromUri(text) : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            // Npgsql's messages name keys, never values; a URI's are dropped entirely.
            throw new FormatException(IsUri(text) ? "the postgresql:// URI does not parse" : e.Message, e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        var uri = new Uri(text, UriKind.Absolute);
        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.DnsSafeHost.Length > 0) builder.Host = uri.DnsSafeHost;
        if (uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[QueryKeys.GetValueOrDefault(key, key)] = value;
        }
        return builder;
    }
}
