using SqlProxy.Host.Audit.Verification;
using SqlProxy.Host.Commands;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Audit.Verification;

/// <summary>
/// <c>sqlproxy audit verify &lt;file&gt;</c> (<see cref="AuditVerifyCommand"/> over <see cref="ChainVerifier"/> and
/// <see cref="FileAuditTrail"/>): an intact trail across rotated files passes; an edited, deleted, swapped or
/// re-hashed entry fails naming where; a missing trail cannot be read.
/// </summary>
public sealed class ChainVerifierFileTests : IDisposable
{
    private const int Entries = 10;
    private readonly FileTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public void An_intact_trail_across_rotated_files_is_OK()
    {
        _trail.Write(FileTrail.Chain(Entries), 3, 4);

        var (code, output, errors) = Verify(_trail.ActivePath);

        Assert.Equal(0, code);
        Assert.Equal($"OK {_trail.ActivePath}: {Entries} entries, every hash and link intact", output.TrimEnd());
        Assert.Equal("", errors);
    }

    [Fact]
    public void A_rotated_file_alone_is_OK_from_its_first_entry()
    {
        var files = _trail.Write(FileTrail.Chain(Entries), 3, 4);

        var (code, output, _) = Verify(files[1]);

        Assert.Equal(0, code);
        Assert.Contains("4 entries from entry 4", output);
    }

    [Fact]
    public void An_edited_field_of_a_middle_entry_names_it_as_altered()
    {
        var lines = FileTrail.Chain(Entries);
        lines[4] = lines[4].Replace("\"database\":\"testdb\"", "\"database\":\"prod\"", StringComparison.Ordinal);
        _trail.Write(lines, 3, 4);

        var (code, output, _) = Verify(_trail.ActivePath);

        Assert.Equal(1, code);
        Assert.Equal(
            $"BROKEN {_trail.ActivePath}: {FileTrail.RotatedName(1)}:2: entry 5 (audit_id a-5) was altered: its hash does not match its content",
            output.TrimEnd());
    }

    [Fact]
    public void A_deleted_middle_entry_is_named_as_the_gap()
    {
        var lines = FileTrail.Chain(Entries);
        lines.RemoveAt(4);
        _trail.Write(lines, 3, 4);

        var (code, output, _) = Verify(_trail.ActivePath);

        Assert.Equal(1, code);
        Assert.Contains("entry 6 (audit_id a-6) follows entry 4: entry 5 is missing", output);
    }

    [Fact]
    public void Two_swapped_entries_break_the_chain()
    {
        var lines = FileTrail.Chain(Entries);
        (lines[4], lines[5]) = (lines[5], lines[4]);
        _trail.Write(lines, 3, 4);

        var (code, output, _) = Verify(_trail.ActivePath);

        Assert.Equal(1, code);
        Assert.StartsWith($"BROKEN {_trail.ActivePath}: {FileTrail.RotatedName(1)}:2: entry 6 (audit_id a-6) follows entry 4", output);
    }

    [Fact]
    public void An_edited_entry_with_its_hash_recomputed_breaks_the_next_link()
    {
        var lines = FileTrail.Chain(Entries);
        var before = AuditChain.Parse(lines[3]);
        lines[4] = AuditChain.Link(FileTrail.Record(5) with { User = "nobody" }, 5, before.Hash).Line;
        _trail.Write(lines, 3, 4);

        var (code, output, _) = Verify(_trail.ActivePath);

        Assert.Equal(1, code);
        Assert.Contains($"{FileTrail.RotatedName(1)}:3: entry 6 (audit_id a-6) does not link to entry 5: the chain was rewritten", output);
    }

    [Fact]
    public void A_line_that_is_not_an_entry_is_named()
    {
        var lines = FileTrail.Chain(Entries);
        lines[7] = "{\"audit_id\":\"a-8\"}";
        _trail.Write(lines, 3, 4);

        var (code, output, _) = Verify(_trail.ActivePath);

        Assert.Equal(1, code);
        Assert.Contains("audit.jsonl:1: not an audit chain entry", output);
    }

    [Fact]
    public void A_missing_trail_cannot_be_read()
    {
        var (code, output, errors) = Verify(_trail.ActivePath);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"cannot read the audit trail: no audit file at {_trail.ActivePath}", errors);
    }

    private static (int Code, string Output, string Errors) Verify(string path)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = AuditVerifyCommand.Run(path, AuditTable.DefaultSchema, AuditTable.DefaultTable, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
