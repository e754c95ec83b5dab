using System.Runtime.Versioning;

namespace SqlProxy.PrivatePostgres;

/// <summary>The steps of <see cref="PrivatePostgresServer.StartAsync"/>: find the programs, lay out the directory,
/// create the cluster or take an existing one over, start it on a port, check the superuser can log in.</summary>
[SupportedOSPlatform("linux")]
internal static class ServerStarter
{
    private const int PortAttempts = 5;

    public static async Task<PrivatePostgresServer> StartAsync(PrivatePostgresOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Username);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RunAsUser);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);

        var binaries = await PostgresBinaries.DiscoverAsync(options.BinDirectory, cancellationToken).ConfigureAwait(false);
        var account = ServerAccount.For(options.RunAsUser);
        var layout = ClusterLayout.Create(options.DataDirectory);
        var pgCtl = new PgCtl(binaries, account, layout);
        try
        {
            var password = await PrepareClusterAsync(options, account, layout, pgCtl, cancellationToken).ConfigureAwait(false);
            var port = await StartOnPortAsync(options.Port, layout, pgCtl, cancellationToken).ConfigureAwait(false);
            var pid = PostmasterPidFile.ReadPid(layout.DataDirectory)
                ?? throw new InvalidOperationException($"PostgreSQL started but `{layout.PidFile}` names no process.");
            var guard = await ExitGuard.ArmAsync(layout, pid, cancellationToken).ConfigureAwait(false);
            var server = new PrivatePostgresServer(layout, pgCtl, guard, pid, port, options.Username, options.Password ?? password);
            try
            {
                await SuperuserPassword.EnsureAsync(server, password, layout, cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await StopIfRunningAsync(layout, pgCtl).ConfigureAwait(false);
            layout.DeleteIfTemporary();
            throw;
        }
    }

    /// <summary>Creates the cluster, or takes an existing one over; returns the superuser's current password.</summary>
    private static async Task<string> PrepareClusterAsync(
        PrivatePostgresOptions options, ServerAccount account, ClusterLayout layout, PgCtl pgCtl, CancellationToken cancellationToken)
    {
        await account.PrepareAsync(layout.OwnedDirectory, cancellationToken).ConfigureAwait(false);
        if (layout.IsInitialised)
        {
            await StopStaleServerAsync(layout, pgCtl, cancellationToken).ConfigureAwait(false);
            return PasswordFile.Read(layout.PasswordFile) ?? options.Password ?? throw new InvalidOperationException(
                $"The data directory `{layout.DataDirectory}` holds a cluster, but its password file `{layout.PasswordFile}` is missing: " +
                "pass the password, or delete the data directory to start afresh.");
        }
        var password = options.Password ?? PasswordFile.Generate();
        if (!layout.IsTemporary) PasswordFile.Write(layout.PasswordFile, password);
        PasswordFile.Write(layout.InitPasswordFile, password);
        try
        {
            await account.GiveAsync(layout.InitPasswordFile, cancellationToken).ConfigureAwait(false);
            await pgCtl.InitAsync(options.Username, layout.InitPasswordFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(layout.InitPasswordFile);
        }
        return password;
    }

    /// <summary>A server from an earlier run that was killed may still run on a persistent data directory: stop it.</summary>
    private static async Task StopStaleServerAsync(ClusterLayout layout, PgCtl pgCtl, CancellationToken cancellationToken)
    {
        if (PostmasterPidFile.ReadPid(layout.DataDirectory) is not { } pid) return;
        if (LinuxProcess.IsPostgres(pid))
        {
            (await pgCtl.StopAsync(cancellationToken).ConfigureAwait(false))
                .EnsureSuccess($"Stopping the PostgreSQL server (pid {pid}) left running on `{layout.DataDirectory}`");
        }
        else if (LinuxProcess.IsAlive(pid))
        {
            // The pid was reused by another program: postgres would refuse to start while the lock file names it.
            File.Delete(layout.PidFile);
        }
    }

    private static async Task<int> StartOnPortAsync(int requested, ClusterLayout layout, PgCtl pgCtl, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = requested != 0 ? requested : FreePort.Next();
            var logStart = pgCtl.Log.Length;
            var result = await pgCtl.StartAsync(port, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) return port;
            var log = pgCtl.Log.TailSince(logStart);
            if (requested == 0 && attempt < PortAttempts && log.Contains("Address already in use", StringComparison.Ordinal)) continue;
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{port} with data directory `{layout.DataDirectory}`." + Environment.NewLine +
                $"pg_ctl said: {result.Output.Trim()}" + Environment.NewLine +
                $"The server log `{pgCtl.Log.Path}` ends with:" + Environment.NewLine + log);
        }
    }

    private static async Task StopIfRunningAsync(ClusterLayout layout, PgCtl pgCtl)
    {
        if (PostmasterPidFile.ReadPid(layout.DataDirectory) is { } pid && LinuxProcess.IsPostgres(pid))
        {
            await pgCtl.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
