using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// Appends audit records to a file, one JSON object per line (format: <see cref="AuditRecordJson"/>).
/// The file is created with mode 0600 on Unix, its directory if missing; each batch is on disk
/// (fsync) before <see cref="WriteAsync"/> completes. Safe for overlapping calls.
/// </summary>
public sealed class JsonLinesAuditSink : IAuditSink, IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;
    private bool _lineTorn;

    /// <summary>Opens (or creates) the file at <paramref name="path"/> for appending.</summary>
    /// <param name="path">The audit file; relative paths are relative to the working directory.</param>
    public JsonLinesAuditSink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            // A reloaded plugin's sink may open the file before the old one is disposed; see the seek in WriteAsync.
            Share = FileShare.ReadWrite,
            Options = FileOptions.Asynchronous,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _stream = new FileStream(fullPath, options);
    }

    /// <inheritdoc />
    public string Name => "file";

    /// <summary>The audit file's path, as given.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = ToJsonLines(records);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (batch.Length == 0)
            {
                return;
            }

            // FileStream writes at the offset it tracks, not with O_APPEND: move to the end, where another
            // instance (an old plugin snapshot, another process) may have written since.
            _stream.Seek(0, SeekOrigin.End);

            // Once a batch starts it is finished regardless of cancellation: half a line would corrupt the file.
            // If a write failed part-way, the next batch starts on a new line so the torn one stays alone.
            if (_lineTorn)
            {
                await _stream.WriteAsync("\n"u8.ToArray(), CancellationToken.None).ConfigureAwait(false);
            }

            _lineTorn = true;
            await _stream.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            _lineTorn = false;
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            _stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes and closes the file; later writes fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Flush(flushToDisk: true);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static ReadOnlyMemory<byte> ToJsonLines(IReadOnlyList<AuditRecord> records)
    {
        var text = new System.Text.StringBuilder();
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            text.Append(AuditRecordJson.Serialize(record)).Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}
