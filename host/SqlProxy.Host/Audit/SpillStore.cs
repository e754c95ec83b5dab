using System.Globalization;
using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// The records one audit sink has not taken yet, on disk: one file per batch (<c>&lt;number&gt;-&lt;records&gt;.jsonl</c>,
/// mode 0600, numbered in order), each written to a temporary name, fsync'ed and renamed, so a crash leaves a batch
/// either whole or absent. A batch is deleted only after its sink took it: a crash between the two makes the sink get it
/// twice (at-least-once). Files left by an earlier run are found at construction and replayed first.
/// </summary>
internal sealed class SpillStore
{
    private const string Extension = ".jsonl";
    private readonly object gate = new();
    private readonly SortedDictionary<long, (string Path, int Records)> batches = new();
    private readonly string? key;
    private long next;

    /// <param name="directory">The sink's directory.</param>
    /// <param name="key">The sink's key, written to a file <c>sink</c> beside the batches so a later run knows whose they are.</param>
    public SpillStore(string directory, string? key = null)
    {
        Directory = directory;
        this.key = key;
        // Nothing is created here: a directory that cannot be used shows as a failed spill (and back-pressure), not a crash.
        if (System.IO.Directory.Exists(directory))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
            {
                if (TryParseName(Path.GetFileName(path), out var number, out var records)) batches[number] = (path, records);
            }
            foreach (var torn in System.IO.Directory.EnumerateFiles(directory, "*.tmp")) File.Delete(torn);
        }
        next = batches.Count == 0 ? 1 : batches.Keys.Max() + 1;
    }

    public string Directory { get; }

    public bool IsEmpty
    {
        get { lock (gate) return batches.Count == 0; }
    }

    public int Batches
    {
        get { lock (gate) return batches.Count; }
    }

    public long Records
    {
        get { lock (gate) return batches.Values.Sum(b => (long)b.Records); }
    }

    /// <summary>Stores a batch durably, after every batch stored before it.</summary>
    /// <exception cref="IOException">The disk refused it (full, read-only); the caller keeps the batch.</exception>
    public void Append(IReadOnlyList<AuditRecord> batch)
    {
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(Directory);
        else System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (key is not null && !File.Exists(Path.Combine(Directory, "sink"))) File.WriteAllText(Path.Combine(Directory, "sink"), key);
        var text = new StringBuilder();
        foreach (var record in batch) text.Append(AuditRecordJson.Serialize(record)).Append('\n');
        long number;
        lock (gate) number = next++;
        var name = string.Create(CultureInfo.InvariantCulture, $"{number:D20}-{batch.Count}{Extension}");
        var path = Path.Combine(Directory, name);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path);
        lock (gate) batches[number] = (path, batch.Count);
    }

    /// <summary>The oldest stored batch and its number, or null when none is left.</summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="System.Text.Json.JsonException">The file does not hold records (see <see cref="SetAside"/>).</exception>
    public (long Number, IReadOnlyList<AuditRecord> Records)? Oldest()
    {
        string path;
        long number;
        lock (gate)
        {
            if (batches.Count == 0) return null;
            var first = batches.First();
            (number, path) = (first.Key, first.Value.Path);
        }
        var records = File.ReadLines(path).Where(line => line.Length > 0).Select(AuditRecordJson.Deserialize).ToArray();
        return (number, records);
    }

    /// <summary>The number of the oldest stored batch, or null.</summary>
    public long? OldestNumber()
    {
        lock (gate) return batches.Count == 0 ? null : batches.Keys.First();
    }

    /// <summary>Forgets a batch its sink has taken.</summary>
    public void Delete(long number)
    {
        string path;
        lock (gate)
        {
            if (!batches.Remove(number, out var batch)) return;
            path = batch.Path;
        }
        File.Delete(path);
    }

    /// <summary>Sets aside a batch that cannot be read back (renamed <c>*.unreadable</c>), so the ones after it can go.</summary>
    public void SetAside(long number)
    {
        string path;
        lock (gate)
        {
            if (!batches.Remove(number, out var batch)) return;
            path = batch.Path;
        }
        File.Move(path, path + ".unreadable", overwrite: true);
    }

    private static bool TryParseName(string name, out long number, out int records)
    {
        number = 0;
        records = 0;
        if (!name.EndsWith(Extension, StringComparison.Ordinal)) return false;
        var parts = name[..^Extension.Length].Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out records);
    }
}
