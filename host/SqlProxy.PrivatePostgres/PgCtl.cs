using System.Globalization;

namespace SqlProxy.PrivatePostgres;

/// <summary>initdb and pg_ctl for one cluster, run as the server's OS account.</summary>
internal sealed class PgCtl(PostgresBinaries binaries, ServerAccount account, ClusterLayout layout)
{
    private static readonly TimeSpan InitTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartStopTimeout = TimeSpan.FromSeconds(90);

    public ServerLog Log { get; } = new(layout.LogFile);

    /// <summary>Creates the cluster: scram-sha-256 everywhere, the given superuser, UTF8 with the C locale.</summary>
    public async Task InitAsync(string username, string passwordFile, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-D", layout.DataDirectory, "-U", username, $"--pwfile={passwordFile}",
            "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions",
        ];
        if (layout.IsTemporary) arguments.Add("--no-sync");
        var result = await ProcessRunner.RunAsync(account.Command(binaries.InitDb, arguments), InitTimeout, cancellationToken)
            .ConfigureAwait(false);
        result.EnsureSuccess($"Creating the PostgreSQL cluster in `{layout.DataDirectory}` (initdb)");
    }

    /// <summary>Starts the server on 127.0.0.1:<paramref name="port"/> and waits until it accepts connections.</summary>
    public Task<ProcessResult> StartAsync(int port, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            account.Command(binaries.PgCtl, "start", "-w", "-t", "60", "-D", layout.DataDirectory, "-l", Log.Path, "-o", ServerOptions(port)),
            StartStopTimeout,
            cancellationToken);

    /// <summary>Fast shutdown (clients are disconnected), waiting until the server is gone.</summary>
    public Task<ProcessResult> StopAsync(CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            account.Command(binaries.PgCtl, "stop", "-m", "fast", "-w", "-t", "60", "-D", layout.DataDirectory),
            StartStopTimeout,
            cancellationToken);

    /// <summary>Settings for a small private server. pg_ctl passes them to postgres through /bin/sh, so '' is an empty value.</summary>
    private string ServerOptions(int port)
    {
        List<string> settings =
        [
            "-c listen_addresses=127.0.0.1",
            "-p " + port.ToString(CultureInfo.InvariantCulture),
            "-c unix_socket_directories=''",
            "-c max_connections=100",
            "-c shared_buffers=32MB",
        ];
        if (layout.IsTemporary)
        {
            // Throw-away data: durability buys nothing and costs test time.
            settings.AddRange(["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]);
        }
        return string.Join(' ', settings);
    }
}
