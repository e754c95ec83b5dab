using Npgsql;

namespace SqlProxy.PrivatePostgres;

/// <summary>A PostgreSQL server private to this process: listening on 127.0.0.1 only, with a scram-sha-256
/// superuser, stopped on dispose (and when the process ends without disposing it).</summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private readonly ClusterLayout _layout;
    private readonly PgCtl _pgCtl;
    private readonly ExitGuard _exitGuard;
    private int _disposed;

    internal PrivatePostgresServer(ClusterLayout layout, PgCtl pgCtl, ExitGuard exitGuard, int postmasterPid, int port, string username, string password)
    {
        _layout = layout;
        _pgCtl = pgCtl;
        _exitGuard = exitGuard;
        PostmasterPid = postmasterPid;
        Port = port;
        Username = username;
        Password = password;
    }

    /// <summary>Creates (or reuses) the cluster and starts the server; the exception for a failed start includes the server log's tail.</summary>
    public static Task<PrivatePostgresServer> StartAsync(PrivatePostgresOptions options, CancellationToken cancellationToken = default) =>
        OperatingSystem.IsLinux()
            ? ServerStarter.StartAsync(options, cancellationToken)
            : throw new PlatformNotSupportedException("The private PostgreSQL server runs on Linux only.");

    /// <summary>Always 127.0.0.1: the server listens on no other address and no Unix socket.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The superuser's name.</summary>
    public string Username { get; }

    /// <summary>The superuser's password.</summary>
    public string Password { get; }

    internal int PostmasterPid { get; }

    internal string DataDirectory => _layout.DataDirectory;

    /// <summary>A Npgsql connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Username,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the database if it does not exist.</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {SqlIdentifier.Quote(database)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created concurrently by someone else: the database exists, which is what was asked.
        }
    }

    /// <summary>Runs each SQL file (in the order given) against <paramref name="database"/>: a file's whole text is one command,
    /// so it may hold several statements and runs as one implicit transaction. An error names the file, line and column.</summary>
    public Task RunScriptsAsync(string database, IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentNullException.ThrowIfNull(files);
        return ScriptRunner.RunAsync(AdminConnectionString(database), files, cancellationToken);
    }

    /// <summary>Stops the server (fast shutdown) and, for a temporary data directory, deletes it. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _exitGuard.Dispose();
        try
        {
            // Another server may have taken the data directory over since: stop only the postmaster this one started.
            if (PostmasterPidFile.ReadPid(_layout.DataDirectory) == PostmasterPid)
            {
                var stop = await _pgCtl.StopAsync(CancellationToken.None).ConfigureAwait(false);
                if (!stop.Succeeded) LinuxProcess.RequestFastShutdown(PostmasterPid);
                LinuxProcess.WaitForExit(PostmasterPid, ExitTimeout);
            }
        }
        finally
        {
            _layout.DeleteIfTemporary();
        }
    }

    /// <summary>Connections made by this class itself: not pooled, so nothing lingers after use.</summary>
    internal string AdminConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false }.ConnectionString;
}
