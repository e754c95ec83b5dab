using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// Appends audit records to a file as a hash-chained trail: one line per record,
/// <c>AuditChain.Link(record, seq, prev_hash).Line</c> (see <see cref="AuditChain"/>), numbered as one stream across
/// rotations and restarts, so <c>sqlproxy audit verify &lt;path&gt;</c> can prove nothing was edited, removed or
/// reordered.
/// <list type="bullet">
/// <item>Durability (<see cref="AuditFileOptions.Fsync"/>): <c>always</c> fsyncs each batch before
/// <see cref="WriteAsync"/> completes (an acknowledged record survives a power loss); <c>interval</c> completes once the
/// OS has the batch and fsyncs at most every <c>fsync_interval_ms</c> (a power loss can lose that last interval, a crash
/// of the process loses nothing); <c>never</c> leaves writing back to the OS.</item>
/// <item>Rotation: by size (<c>max_bytes</c>) and time (<c>rotate_every</c>), renaming the file to
/// <c>&lt;stem&gt;.&lt;UTC yyyyMMddTHHmmssfffZ&gt;&lt;ext&gt;</c> beside it (see <see cref="AuditFileWriter"/>).</item>
/// <item>Files (the audit file, rotated ones keep it, and <c>&lt;path&gt;.lock</c>) are created with
/// <see cref="AuditFileOptions.FileMode"/>; the directory if missing.</item>
/// <item>Several sinks on one path (a plugin reload, another process) take turns under an exclusive lock
/// (<see cref="AuditFileLock"/>) and re-read the file's tail when another wrote, so the chain never forks.</item>
/// <item>Safe for overlapping calls. A torn last line (a crash mid-write) is cut away before the next write.</item>
/// </list>
/// </summary>
public sealed class JsonLinesAuditSink : IAuditSink, IAsyncDisposable
{
    private readonly AuditFileOptions _options;
    private readonly AuditFileFamily _family;
    private readonly AuditFileWriter _writer;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer? _fsyncTimer;
    private DateTimeOffset _lastFsync;
    private bool _disposed;

    /// <summary>A sink on <paramref name="path"/> with the default settings.</summary>
    /// <param name="path">The audit file; relative paths are relative to the working directory.</param>
    public JsonLinesAuditSink(string path)
        : this(new AuditFileOptions(path))
    {
    }

    /// <summary>Creates the audit file (and its directory) if missing; the trail is resumed at the first write.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="time">The clock rotation by time and fsync intervals follow; the system's by default.</param>
    public JsonLinesAuditSink(AuditFileOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, AuditFileOptions.MinMaxBytes);
        _options = options;
        _time = time ?? TimeProvider.System;
        _family = new AuditFileFamily(options.Path);
        _writer = new AuditFileWriter(options, _family);
        _writer.EnsureFileExists();
        _lastFsync = _time.GetUtcNow();
        if (options.Fsync == FsyncPolicy.Interval)
        {
            var interval = options.EffectiveFsyncInterval;
            _fsyncTimer = _time.CreateTimer(_ => _ = FlushPendingAsync(), null, interval, interval);
        }
    }

    /// <inheritdoc />
    public string Name => "file";

    /// <summary>The audit file's path, as given.</summary>
    public string Path => _options.Path;

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records) ArgumentNullException.ThrowIfNull(record, nameof(records));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (records.Count == 0) return;

            using var fileLock = await AuditFileLock.AcquireAsync(_family.LockPath, _options.FileMode, cancellationToken).ConfigureAwait(false);

            // Once a batch starts it is finished regardless of cancellation: half a line would tear the trail.
            var now = _time.GetUtcNow();
            _writer.Append(records, now);
            if (_options.Fsync == FsyncPolicy.Always || (_options.Fsync == FsyncPolicy.Interval && now - _lastFsync >= _options.EffectiveFsyncInterval))
            {
                _writer.FlushToDisk();
                _lastFsync = now;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes (fsync, unless <c>fsync = "never"</c>) and closes the file; later writes fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_fsyncTimer is not null) await _fsyncTimer.DisposeAsync().ConfigureAwait(false);
            try
            {
                if (_options.Fsync != FsyncPolicy.Never) _writer.FlushToDisk();
            }
            finally
            {
                _writer.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FlushPendingAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed || !_writer.HasUnsyncedWrites) return;
            _writer.FlushToDisk();
            _lastFsync = _time.GetUtcNow();
        }
        catch (IOException)
        {
            // Nothing to report to from a timer; a disk that fails fsync fails the next batch's write or fsync too.
        }
        finally
        {
            _gate.Release();
        }
    }
}
