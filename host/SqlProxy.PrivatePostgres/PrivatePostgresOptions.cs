namespace SqlProxy.PrivatePostgres;

/// <summary>How <see cref="PrivatePostgresServer.StartAsync"/> sets up a private PostgreSQL server.</summary>
public sealed record PrivatePostgresOptions
{
    /// <summary>Data directory; null → a fresh temporary directory deleted on dispose. An existing cluster is reused.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 → a free port.</summary>
    public int Port { get; init; }

    /// <summary>Superuser name created by initdb.</summary>
    public string Username { get; init; } = "sqlproxy";

    /// <summary>Superuser password (scram-sha-256); null → a random one.</summary>
    public string? Password { get; init; }

    /// <summary>Directory of initdb/pg_ctl/postgres; null → discovered (/usr/lib/postgresql/*/bin, newest).</summary>
    public string? BinDirectory { get; init; }

    /// <summary>When running as root, the unprivileged OS user the server runs as (PostgreSQL refuses root).</summary>
    public string RunAsUser { get; init; } = "nobody";
}
