namespace SqlProxy.Sdk.Tests;

/// <summary>The chain's line format: every change to an entry is visible, and a record survives the round trip.</summary>
public sealed class AuditChainTests
{
    private static AuditRecord Record(string id) => new()
    {
        AuditId = id,
        RequestId = "req-" + id,
        Timestamp = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1)),
        Outcome = AuditOutcome.Blocked,
        User = "analyst",
        Sql = "SELECT 'é\"\\n' FROM t",
        StatementKinds = [StatementKind.Select],
        Decision = "BLOCK",
    };

    [Fact]
    public void A_linked_entry_parses_back_intact_with_its_record()
    {
        var first = AuditChain.Link(Record("a1"), 1, AuditChain.GenesisHash);
        var second = AuditChain.Link(Record("a2"), 2, first.Hash);

        var parsed = AuditChain.Parse(second.Line);

        Assert.True(parsed.IsIntact);
        Assert.Equal((2L, first.Hash, second.Hash), (parsed.Sequence, parsed.PreviousHash, parsed.Hash));
        Assert.Equal(Record("a2") with { }, parsed.ReadRecord(), new RecordComparer());
        Assert.StartsWith("{\"seq\":2,\"prev_hash\":\"", second.Line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', second.Line);
    }

    [Theory]
    [InlineData("\"analyst\"", "\"admin\"")]
    [InlineData("\"seq\":1,", "\"seq\":3,")]
    [InlineData("\"BLOCK\"", "\"ALLOW\"")]
    public void Any_edit_of_the_content_makes_the_entry_not_intact(string from, string to)
    {
        var entry = AuditChain.Link(Record("a1"), 1, AuditChain.GenesisHash);

        var edited = AuditChain.Parse(entry.Line.Replace(from, to, StringComparison.Ordinal));

        Assert.False(edited.IsIntact);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"audit_id\":\"x\"}")]
    public void A_line_that_is_not_an_entry_is_a_format_error(string line) =>
        Assert.Throws<FormatException>(() => AuditChain.Parse(line));

    [Fact]
    public void A_previous_hash_must_be_a_hash() =>
        Assert.Throws<ArgumentException>(() => AuditChain.Link(Record("a1"), 1, "abc"));

    private sealed class RecordComparer : IEqualityComparer<AuditRecord>
    {
        public bool Equals(AuditRecord? x, AuditRecord? y) => AuditRecordJson.Serialize(x!) == AuditRecordJson.Serialize(y!);
        public int GetHashCode(AuditRecord obj) => 0;
    }
}
