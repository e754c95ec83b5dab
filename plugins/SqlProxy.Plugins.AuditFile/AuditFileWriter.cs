using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// Appends chained entries to the active audit file and rotates it; one batch at a time, by a caller that holds the
/// <see cref="AuditFileLock"/>. Not thread-safe.
/// <para>
/// The chain is one stream across rotations and restarts. Whenever the writer is not sure the active file is as it
/// left it — at its first write, after a failed write, when the file's length or identity (length and modification
/// time of the path against those of its own handle) changed because another writer appended or rotated — it
/// <em>resumes</em>: it reopens the path, reads the file's tail (never the whole file) and continues after its last
/// entry, or, when the file is empty, after the last entry of the newest rotated file.
/// </para>
/// <para>
/// A file that does not end with a line break ends with a torn line: a write that a crash cut short, which was never
/// acknowledged (the host writes the record again). Resuming truncates it away, so the trail stays whole lines.
/// Should a batch fail part-way, the lines before the failure stay and the host's retry writes the batch again after
/// them, so a record may appear twice, each time properly chained.
/// </para>
/// <para>
/// An active file whose last line is not a chain entry (written before the trail was chained) is renamed whole to
/// <see cref="AuditFileFamily.UnchainedPath"/>, which verification does not read, and a new chain starts.
/// </para>
/// <para>
/// Rotation by time compares the UTC hour or day of the active file's last write with now: the first write of a new
/// period rotates first, so every file holds one period's writes. After a restart the last write's time is the
/// file's modification time (read before any truncation), which survives restarts without parsing records.
/// </para>
/// </summary>
internal sealed class AuditFileWriter(AuditFileOptions options, AuditFileFamily family) : IDisposable
{
    // Readers (sqlproxy audit verify, tail -f) and the other writers, which the lock file serializes.
    private const FileShare SharedWithReaders = FileShare.ReadWrite | FileShare.Delete;

    private FileStream? _file;
    private bool _inStep;
    private long _length;
    private ChainPosition _position = ChainPosition.Genesis;
    private DateTimeOffset? _lastWriteAt;

    /// <summary>Whether records were written since the last <see cref="FlushToDisk"/>.</summary>
    public bool HasUnsyncedWrites { get; private set; }

    /// <summary>Creates the active file (and its directory) if missing, with the configured mode.</summary>
    public void EnsureFileExists()
    {
        Directory.CreateDirectory(family.Directory);
        using var _ = OpenActive();
    }

    public void Append(IReadOnlyList<AuditRecord> records, DateTimeOffset now)
    {
        try
        {
            EnsureInStep();
            if (_length > 0 && _lastWriteAt is { } last && PeriodChanged(last, now)) Rotate(now);

            var pending = new MemoryStream();
            var position = _position;
            foreach (var record in records)
            {
                var entry = AuditChain.Link(record, position.Sequence + 1, position.Hash);
                var line = Encoding.UTF8.GetBytes(entry.Line + "\n");
                if (_length + pending.Length > 0 && _length + pending.Length + line.Length > options.MaxBytes)
                {
                    Write(pending, position, now);
                    Rotate(now);
                    pending.SetLength(0);
                }

                pending.Write(line);
                position = ChainPosition.Of(entry);
            }

            Write(pending, position, now);
        }
        catch
        {
            _inStep = false;
            throw;
        }
    }

    /// <summary>fsync: what was written is on the disk.</summary>
    public void FlushToDisk()
    {
        if (_file is null || !HasUnsyncedWrites) return;
        _file.Flush(flushToDisk: true);
        HasUnsyncedWrites = false;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    private void EnsureInStep()
    {
        if (_inStep && _file is not null && IsStillTheActiveFile(_file)) return;
        Resume();
    }

    private bool IsStillTheActiveFile(FileStream file)
    {
        var handle = file.SafeFileHandle;
        if (RandomAccess.GetLength(handle) != _length) return false;
        var active = new FileInfo(family.ActivePath);
        return active.Exists && active.Length == _length && active.LastWriteTimeUtc == File.GetLastWriteTimeUtc(handle);
    }

    private void Resume()
    {
        Dispose();
        _inStep = false;
        Directory.CreateDirectory(family.Directory);
        var file = OpenActive();
        try
        {
            var lastWrite = File.GetLastWriteTimeUtc(file.SafeFileHandle);
            var tail = FileTail.Read(file.SafeFileHandle);
            if (tail.CompleteLength < file.Length)
            {
                file.SetLength(tail.CompleteLength);
                if (options.Fsync != FsyncPolicy.Never) file.Flush(flushToDisk: true);
            }

            if (tail.LastLine is { } last && !IsChainEntry(last))
            {
                // Written before the trail was chained (or not by this sink): set it aside whole and start a new chain.
                file.Dispose();
                File.Move(family.ActivePath, family.UnchainedPath(DateTimeOffset.UtcNow));
                file = OpenActive();
                tail = FileTail.Read(file.SafeFileHandle);
            }

            _position = tail.LastLine is { } line ? PositionOf(line, family.ActivePath) : PositionOfNewestRotated();
            _length = tail.CompleteLength;
            _lastWriteAt = _length > 0 ? new DateTimeOffset(lastWrite, TimeSpan.Zero) : null;
            _file = file;
            _inStep = true;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private ChainPosition PositionOfNewestRotated()
    {
        foreach (var rotated in family.RotatedFiles().Reverse())
        {
            using var handle = File.OpenHandle(rotated, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (FileTail.Read(handle).LastLine is { } line) return PositionOf(line, rotated);
        }

        return ChainPosition.Genesis;
    }

    private static bool IsChainEntry(string line)
    {
        try
        {
            AuditChain.Parse(line);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static ChainPosition PositionOf(string line, string file)
    {
        try
        {
            return ChainPosition.Of(AuditChain.Parse(line));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"The last line of the audit file {file} is not an audit chain entry ({e.Message}): the file was written "
                + "before the trail was hash-chained, or edited. Move it away to start a new chain.", e);
        }
    }

    private void Write(MemoryStream pending, ChainPosition position, DateTimeOffset now)
    {
        if (pending.Length == 0) return;
        RandomAccess.Write(_file!.SafeFileHandle, pending.GetBuffer().AsSpan(0, (int)pending.Length), _length);
        _length += pending.Length;
        _position = position;
        _lastWriteAt = now;
        HasUnsyncedWrites = true;
    }

    private void Rotate(DateTimeOffset now)
    {
        if (options.Fsync != FsyncPolicy.Never) FlushToDisk();
        Dispose();
        File.Move(family.ActivePath, family.NextRotatedPath(now));
        _file = OpenActive();
        _length = 0;
        _lastWriteAt = null;
        HasUnsyncedWrites = false;
    }

    private bool PeriodChanged(DateTimeOffset last, DateTimeOffset now)
    {
        var (then, current) = (last.UtcDateTime, now.UtcDateTime);
        return options.RotateEvery switch
        {
            RotationPeriod.Hourly => then.Date != current.Date || then.Hour != current.Hour,
            RotationPeriod.Daily => then.Date != current.Date,
            _ => false,
        };
    }

    /// <summary>Opens the active file, creating it with the configured mode (set explicitly: the umask could narrow it).</summary>
    private FileStream OpenActive()
    {
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = SharedWithReaders, BufferSize = 0 };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = options.FileMode;
            var created = new FileStream(family.ActivePath, create);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(created.SafeFileHandle, options.FileMode);
            return created;
        }
        catch (IOException) when (File.Exists(family.ActivePath))
        {
            return new FileStream(family.ActivePath, new FileStreamOptions
            {
                Mode = FileMode.Open, Access = FileAccess.ReadWrite, Share = SharedWithReaders, BufferSize = 0,
            });
        }
    }
}
