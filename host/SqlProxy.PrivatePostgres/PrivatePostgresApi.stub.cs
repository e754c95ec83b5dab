// Public API, fixed so the host can be written in parallel. The helper replaces this file.
namespace SqlProxy.PrivatePostgres;

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

public sealed class PrivatePostgresServer : IAsyncDisposable
{
    public static Task<PrivatePostgresServer> StartAsync(PrivatePostgresOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public string Host => "127.0.0.1";
    public int Port => throw new NotImplementedException();
    public string Username => throw new NotImplementedException();
    public string Password => throw new NotImplementedException();
    /// <summary>A Npgsql connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database) => throw new NotImplementedException();
    /// <summary>Creates the database if it does not exist.</summary>
    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    /// <summary>Runs each SQL file (in the order given) against <paramref name="database"/>.</summary>
    public Task RunScriptsAsync(string database, IEnumerable<string> files, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    /// <summary>Stops the server (fast shutdown) and, for a temporary data directory, deletes it.</summary>
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
