using System.Text;
using System.Text.RegularExpressions;

namespace SqlProxy.Host.Audit.Verification;

/// <summary>
/// Reads the file sink's trail (<c>audit_file</c>). Given the sink's <c>path</c> — the active file, whether it exists
/// or not — it reads every rotated file of that path (<c>&lt;stem&gt;.&lt;UTC yyyyMMddTHHmmssfffZ&gt;&lt;ext&gt;</c>
/// beside it, whose names sort chronologically) oldest first, then the active file: the one chain they make together.
/// Given one rotated file, it reads just that one. Each line is located as <c>&lt;file name&gt;:&lt;line number&gt;</c>;
/// empty lines at the very end of a file are ignored.
/// </summary>
internal static partial class FileAuditTrail
{
    public static IEnumerable<TrailLine> Lines(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (IsRotatedName(Path.GetFileName(full)))
        {
            return File.Exists(full) ? Read([full]) : throw new AuditTrailException($"no such audit file: {full}");
        }

        var files = RotatedFiles(full).Append(full).Where(File.Exists).ToArray();
        return files.Length > 0
            ? Read(files)
            : throw new AuditTrailException($"no audit file at {full}, and no rotated audit files beside it ({RotatedPattern(full)})");
    }

    private static bool IsRotatedName(string name) => RotatedName().IsMatch(name);

    private static IEnumerable<string> RotatedFiles(string activePath)
    {
        var directory = Path.GetDirectoryName(activePath)!;
        if (!Directory.Exists(directory)) return [];
        var name = Path.GetFileName(activePath);
        var family = new Regex(
            $"^{Regex.Escape(Path.GetFileNameWithoutExtension(name))}\\.\\d{{8}}T\\d{{9}}Z{Regex.Escape(Path.GetExtension(name))}$",
            RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(directory).Where(file => family.IsMatch(Path.GetFileName(file))).Order(StringComparer.Ordinal).ToArray();
    }

    private static string RotatedPattern(string activePath)
    {
        var name = Path.GetFileName(activePath);
        return $"{Path.GetFileNameWithoutExtension(name)}.<yyyyMMddTHHmmssfffZ>{Path.GetExtension(name)}";
    }

    private static IEnumerable<TrailLine> Read(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            using var reader = Open(file);
            var emptyRun = new List<TrailLine>();
            var number = 0;
            while (ReadLine(reader, file) is { } text)
            {
                var line = new TrailLine($"{name}:{++number}", text);
                if (text.Length == 0)
                {
                    // Held back: empty lines only count when an entry follows them.
                    emptyRun.Add(line);
                    continue;
                }

                foreach (var empty in emptyRun) yield return empty;
                emptyRun.Clear();
                yield return line;
            }
        }
    }

    private static StreamReader Open(string file)
    {
        try
        {
            return new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditTrailException($"cannot read {file}: {e.Message}", e);
        }
    }

    private static string? ReadLine(StreamReader reader, string file)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditTrailException($"cannot read {file}: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"\.\d{8}T\d{9}Z(\.[^.]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RotatedName();
}
