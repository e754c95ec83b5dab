using System.Globalization;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Audit.Verification;

/// <summary>
/// A file sink's trail written the way the <c>audit_file</c> plugin writes it: chained lines
/// (<see cref="AuditChain.Link"/>) in rotated files <c>audit.&lt;UTC yyyyMMddTHHmmssfffZ&gt;.jsonl</c>, then the active
/// <c>audit.jsonl</c>, in a temporary directory deleted on dispose.
/// </summary>
internal sealed class FileTrail : IDisposable
{
    private static readonly DateTime FirstRotation = new(2026, 11, 23, 10, 15, 0, 123, DateTimeKind.Utc);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sqlproxy-verify-").FullName;

    public string ActivePath => Path.Combine(Directory, "audit.jsonl");

    /// <summary>The name of the <paramref name="index"/>th rotated file (from 0), later ones sorting after.</summary>
    public static string RotatedName(int index) =>
        $"audit.{FirstRotation.AddMinutes(index).AddMilliseconds(index).ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.jsonl";

    public static AuditRecord Record(long sequence) => new()
    {
        AuditId = $"a-{sequence}",
        RequestId = $"req-{sequence}",
        Timestamp = FirstRotation.AddSeconds(sequence),
        Outcome = AuditOutcome.Executed,
        User = "analyst",
        Database = "testdb",
        Sql = $"SELECT {sequence}",
    };

    /// <summary>The lines of an intact trail of entries 1 to <paramref name="count"/>.</summary>
    public static List<string> Chain(int count)
    {
        var lines = new List<string>();
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var entry = AuditChain.Link(Record(sequence), sequence, previous);
            lines.Add(entry.Line);
            previous = entry.Hash;
        }

        return lines;
    }

    /// <summary>
    /// Writes <paramref name="lines"/>: the first <paramref name="rotatedSizes"/>[0] lines into the oldest rotated file,
    /// and so on, the rest into the active file. Returns the files written, oldest first.
    /// </summary>
    public IReadOnlyList<string> Write(IReadOnlyList<string> lines, params int[] rotatedSizes)
    {
        var files = new List<string>();
        var start = 0;
        for (var i = 0; i < rotatedSizes.Length; i++)
        {
            files.Add(WriteFile(RotatedName(i), lines.Skip(start).Take(rotatedSizes[i])));
            start += rotatedSizes[i];
        }

        if (start < lines.Count) files.Add(WriteFile("audit.jsonl", lines.Skip(start)));
        return files;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")));
        return path;
    }
}
