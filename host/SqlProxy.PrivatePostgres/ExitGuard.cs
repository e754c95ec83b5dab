using System.Globalization;

namespace SqlProxy.PrivatePostgres;

/// <summary>Stops a server whose owner process ends without disposing it. Two layers:
/// an AppDomain.ProcessExit handler (normal exit, SIGTERM), and a detached watchdog shell in its own session
/// that outlives this process (Ctrl-C, SIGKILL, crashes): once this process is gone it fast-stops the postmaster —
/// only if the data directory still names it — and deletes a temporary directory. The watchdog ends by itself
/// as soon as the postmaster is gone, so a disposed server leaves nothing behind.</summary>
internal sealed class ExitGuard : IDisposable
{
    private const string WatchdogScript = """
        exec </dev/null >/dev/null 2>&1
        alive() { [ -r "/proc/$1/stat" ] && ! grep -q ') [ZX] ' "/proc/$1/stat"; }
        while alive "$1"; do alive "$2" || exit 0; sleep 1; done
        [ "$(head -n 1 "$3/postmaster.pid")" = "$2" ] && kill -INT "$2"
        i=0; while alive "$2" && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i+1)); done
        [ -n "$4" ] && rm -rf -- "$4"
        exit 0
        """;


    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private readonly ClusterLayout _layout;
    private readonly int _postmasterPid;

    private ExitGuard(ClusterLayout layout, int postmasterPid)
    {
        _layout = layout;
        _postmasterPid = postmasterPid;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public static async Task<ExitGuard> ArmAsync(ClusterLayout layout, int postmasterPid, CancellationToken cancellationToken)
    {
        var guard = new ExitGuard(layout, postmasterPid);
        var setsid = Programs.Find("setsid");
        if (setsid is not null)
        {
            string[] arguments =
            [
                "-f", "/bin/sh", "-c", WatchdogScript, "sqlproxy-pg-watchdog",
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                postmasterPid.ToString(CultureInfo.InvariantCulture),
                layout.DataDirectory,
                layout.TemporaryRoot ?? "",
            ];
            await ProcessRunner.RunAsync(new ProcessCommand(setsid, arguments), TimeSpan.FromSeconds(10), cancellationToken)
                .ConfigureAwait(false);
        }
        return guard;
    }

    /// <summary>Disarms the ProcessExit handler (the server was disposed).</summary>
    public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            if (PostmasterPidFile.ReadPid(_layout.DataDirectory) == _postmasterPid)
            {
                LinuxProcess.RequestFastShutdown(_postmasterPid);
                LinuxProcess.WaitForExit(_postmasterPid, StopTimeout);
            }
            _layout.DeleteIfTemporary();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Exiting: the watchdog retries the cleanup once this process is gone.
        }
    }
}
