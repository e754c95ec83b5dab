using System.Runtime.InteropServices;

namespace SqlProxy.PrivatePostgres;

/// <summary>Looks at and signals processes that are not this process's children (the postmaster), by pid.</summary>
internal static class LinuxProcess
{
    private const int SigInt = 2;

    /// <summary>True while <paramref name="pid"/> runs (a zombie waiting to be reaped counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return state.Length > 0 && state[0] != 'Z' && state[0] != 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="pid"/> is a running postgres process (not some other program that reused the pid).</summary>
    public static bool IsPostgres(int pid)
    {
        try
        {
            return IsAlive(pid) && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SIGINT: PostgreSQL's "fast" shutdown (what `pg_ctl stop -m fast` sends).</summary>
    public static void RequestFastShutdown(int pid) => _ = kill(pid, SigInt);

    /// <summary>Waits (polling) until <paramref name="pid"/> is gone; false on timeout.</summary>
    public static bool WaitForExit(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline) return false;
            Thread.Sleep(50);
        }
        return true;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
