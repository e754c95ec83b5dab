using Npgsql;

namespace SqlProxy.Host.Audit.Query;

/// <summary>
/// Reads the PostgreSQL audit sink's connection setting: an Npgsql connection string or a
/// <c>postgresql://user:password@host:port/database?key=value</c> URI (which <see cref="NpgsqlConnectionStringBuilder"/>
/// does not read). Messages never hold the text itself, which may hold a password.
/// </summary>
internal static class PostgresConnectionString
{
    private static readonly Dictionary<string, string> UriQueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
    };

    public static bool IsUri(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The builder for <paramref name="text"/>, with at most <paramref name="connectTimeoutSeconds"/> to connect.</summary>
    /// <exception cref="FormatException">The text does not parse.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text, int connectTimeoutSeconds)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = IsUri(text) ? FromUri(text) : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            // Npgsql's messages name keys, never values; a URI's say nothing of it.
            throw new FormatException(IsUri(text) ? "the postgresql:// URI does not parse" : $"it does not parse ({e.Message})", e);
        }
        if (string.IsNullOrEmpty(builder.Host)) throw new FormatException("it names no host");
        if (builder.Timeout is <= 0 || builder.Timeout > connectTimeoutSeconds) builder.Timeout = connectTimeoutSeconds;
        return builder;
    }

    /// <summary>The server and database, for messages: <c>host:port/database</c>.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";

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
            builder[UriQueryKeys.GetValueOrDefault(key, key)] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return builder;
    }
}
