namespace SqlProxy.PrivatePostgres;

/// <summary>The server's log file (pg_ctl -l): where it ends now, and what was written since.</summary>
internal sealed class ServerLog(string path)
{
    public string Path { get; } = path;

    public long Length => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    /// <summary>The last <paramref name="lines"/> lines written at or after <paramref name="offset"/>.</summary>
    public string TailSince(long offset, int lines = 40)
    {
        if (!File.Exists(Path)) return "(no server log was written)";
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        var text = new StreamReader(stream).ReadToEnd();
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, all.TakeLast(lines));
    }
}
