using SqlProxy.Host.Audit.Verification;

namespace SqlProxy.Host.Tests.Audit.Verification;

/// <summary>
/// <see cref="FileAuditTrail"/> reads the file sink's path as its rotated files oldest first, then the active file;
/// a rotated file alone as itself; and names every line by file and line number.
/// </summary>
public sealed class FileAuditTrailTests : IDisposable
{
    private readonly FileTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public void The_sinks_path_reads_the_rotated_files_oldest_first_then_the_active_file()
    {
        var lines = FileTrail.Chain(7);
        _trail.Write(lines, 2, 3);
        File.WriteAllText(Path.Combine(_trail.Directory, "other.20261123T101500123Z.jsonl"), "not of this family\n");
        File.WriteAllText(Path.Combine(_trail.Directory, "audit.jsonl.lock"), "");

        var trail = FileAuditTrail.Lines(_trail.ActivePath).ToArray();

        Assert.Equal(lines, trail.Select(l => l.Line));
        Assert.Equal(
            [$"{FileTrail.RotatedName(0)}:1", $"{FileTrail.RotatedName(0)}:2", $"{FileTrail.RotatedName(1)}:1", $"{FileTrail.RotatedName(1)}:2",
             $"{FileTrail.RotatedName(1)}:3", "audit.jsonl:1", "audit.jsonl:2"],
            trail.Select(l => l.Location));
    }

    [Fact]
    public void The_rotated_files_are_read_even_when_the_active_file_is_missing()
    {
        var lines = FileTrail.Chain(5);
        _trail.Write(lines, 2, 3);

        Assert.False(File.Exists(_trail.ActivePath));
        Assert.Equal(lines, FileAuditTrail.Lines(_trail.ActivePath).Select(l => l.Line));
    }

    [Fact]
    public void A_rotated_file_given_by_name_is_read_alone()
    {
        var lines = FileTrail.Chain(7);
        var files = _trail.Write(lines, 2, 3);

        var trail = FileAuditTrail.Lines(files[1]).ToArray();

        Assert.Equal(lines[2..5], trail.Select(l => l.Line));
        Assert.Equal($"{FileTrail.RotatedName(1)}:1", trail[0].Location);
    }

    [Fact]
    public void Empty_lines_at_the_very_end_are_ignored_but_not_in_the_middle()
    {
        var lines = FileTrail.Chain(3);
        File.WriteAllText(_trail.ActivePath, $"{lines[0]}\n\n{lines[1]}\n{lines[2]}\n\n\n");

        var trail = FileAuditTrail.Lines(_trail.ActivePath).ToArray();

        Assert.Equal([lines[0], "", lines[1], lines[2]], trail.Select(l => l.Line));
        Assert.Equal("audit.jsonl:4", trail[^1].Location);
    }

    [Fact]
    public void Nothing_at_the_path_is_an_error_naming_it()
    {
        var error = Assert.Throws<AuditTrailException>(() => FileAuditTrail.Lines(_trail.ActivePath));
        Assert.Contains(_trail.ActivePath, error.Message);

        var rotated = Path.Combine(_trail.Directory, FileTrail.RotatedName(0));
        Assert.Contains(rotated, Assert.Throws<AuditTrailException>(() => FileAuditTrail.Lines(rotated)).Message);
    }
}
