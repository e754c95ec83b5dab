namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// The exclusive advisory lock writers of one audit file take around each batch (<c>&lt;path&gt;.lock</c>, opened with
/// <see cref="FileShare.None"/>, which .NET on Linux and macOS maps to <c>flock(LOCK_EX)</c>): sinks of several plugin
/// snapshots, or of several processes, then append one after the other and never fork the chain. The lock is
/// advisory: a writer that does not take it (an editor, another program) is not kept out.
/// </summary>
internal sealed class AuditFileLock : IDisposable
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _file;

    private AuditFileLock(FileStream file) => _file = file;

    /// <summary>Waits for the lock, retrying until <paramref name="cancellationToken"/> fires.</summary>
    public static async ValueTask<AuditFileLock> AcquireAsync(string path, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new AuditFileLock(Open(path, mode));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another writer (a sharing violation); any other failure repeats below and is thrown then.
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    public void Dispose() => _file.Dispose();

    private static FileStream Open(string path, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        return new FileStream(path, options);
    }
}
