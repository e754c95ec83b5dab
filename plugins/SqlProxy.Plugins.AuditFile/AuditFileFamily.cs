using System.Globalization;
using System.Text.RegularExpressions;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// The files of one audit trail: the active file (<c>audit.jsonl</c>), its rotated files
/// (<c>audit.20261123T101500123Z.jsonl</c>: the UTC time of the rotation, so that ordinal order is chronological order)
/// and the lock file writers share (<c>audit.jsonl.lock</c>), all in one directory.
/// </summary>
internal sealed class AuditFileFamily
{
    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";
    private readonly Regex _rotatedName;

    public AuditFileFamily(string activePath)
    {
        ActivePath = Path.GetFullPath(activePath);
        Directory = Path.GetDirectoryName(ActivePath)!;
        var name = Path.GetFileName(ActivePath);
        Stem = Path.GetFileNameWithoutExtension(name);
        Extension = Path.GetExtension(name);
        _rotatedName = new Regex($"^{Regex.Escape(Stem)}\\.(?<stamp>\\d{{8}}T\\d{{9}}Z){Regex.Escape(Extension)}$", RegexOptions.CultureInvariant);
    }

    public string ActivePath { get; }

    public string Directory { get; }

    public string LockPath => ActivePath + ".lock";

    private string Stem { get; }

    private string Extension { get; }

    /// <summary>The rotated files, oldest first.</summary>
    public IReadOnlyList<string> RotatedFiles() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory)
                .Where(file => _rotatedName.IsMatch(Path.GetFileName(file)))
                .Order(StringComparer.Ordinal)
                .ToArray();

    /// <summary>
    /// A free name for the active file rotated at <paramref name="now"/>: later than every rotated file already there
    /// (a clock set back or two rotations in one millisecond move it on by a millisecond), so none collide and the
    /// names keep sorting in the order the files were written.
    /// </summary>
    public string NextRotatedPath(DateTimeOffset now)
    {
        var stamp = now.UtcDateTime;
        var newest = RotatedFiles().LastOrDefault();
        if (newest is not null)
        {
            var newestStamp = DateTime.ParseExact(
                _rotatedName.Match(Path.GetFileName(newest)).Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            if (stamp < newestStamp.AddMilliseconds(1)) stamp = newestStamp.AddMilliseconds(1);
        }

        while (true)
        {
            var path = Path.Combine(Directory, $"{Stem}.{stamp.ToString(StampFormat, CultureInfo.InvariantCulture)}{Extension}");
            if (!File.Exists(path)) return path;
            stamp = stamp.AddMilliseconds(1);
        }
    }

    /// <summary>
    /// Where an active file that is not a chain (written before the trail was chained) is set aside:
    /// <c>&lt;stem&gt;.unchained-&lt;stamp&gt;&lt;ext&gt;</c>, outside the rotated files, so verification does not read it.
    /// </summary>
    public string UnchainedPath(DateTimeOffset now)
    {
        for (var stamp = now.UtcDateTime; ; stamp = stamp.AddMilliseconds(1))
        {
            var path = Path.Combine(Directory, $"{Stem}.unchained-{stamp.ToString(StampFormat, CultureInfo.InvariantCulture)}{Extension}");
            if (!File.Exists(path)) return path;
        }
    }
}
