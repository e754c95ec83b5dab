using Npgsql;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>
/// The sink's database: the parsed connection string with a short connect timeout, and a description of it for
/// messages that holds no secret (<c>host:port/database</c>).
/// </summary>
internal sealed record AuditConnectionSettings(string ConnectionString, string Description)
{
    /// <summary>Seconds to wait for a connection: a database that is down must fail a batch quickly so the host can retry or spill it.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <exception cref="InvalidOperationException">The text does not parse; the message names <paramref name="key"/> and holds none of the text.</exception>
    public static AuditConnectionSettings Parse(string key, string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresUri.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"`{key}` is not a PostgreSQL connection string: {e.Message}.", e);
        }
        if (string.IsNullOrEmpty(builder.Host)) throw new InvalidOperationException($"`{key}` names no host.");
        if (builder.Timeout is <= 0 or > ConnectTimeoutSeconds) builder.Timeout = ConnectTimeoutSeconds;
        builder.ApplicationName ??= "sqlproxy-audit";
        return new AuditConnectionSettings(builder.ConnectionString, $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}");
    }

    /// <summary>Shows the description only: the connection string may hold a password.</summary>
    public override string ToString() => Description;
}
