using SqlProxy.Host.Audit;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Audit;

/// <summary>A sink's spilled batches: kept in order on disk, found again by a new store, deleted only when taken.</summary>
public sealed class SpillStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-spill-").FullName;

    private static AuditRecord[] Batch(params string[] ids) =>
        ids.Select(id => new AuditRecord { AuditId = id, RequestId = "r" + id, Timestamp = DateTimeOffset.UnixEpoch, Outcome = AuditOutcome.Executed, Sql = "SELECT '" + id + "'" }).ToArray();

    [Fact]
    public void Batches_come_back_oldest_first_and_survive_a_new_store()
    {
        var store = new SpillStore(directory);
        store.Append(Batch("a", "b"));
        store.Append(Batch("c"));

        var reopened = new SpillStore(directory);
        var first = reopened.Oldest()!.Value;
        reopened.Delete(first.Number);
        var second = reopened.Oldest()!.Value;

        Assert.Equal(["a", "b"], first.Records.Select(r => r.AuditId));
        Assert.Equal(["c"], second.Records.Select(r => r.AuditId));
        Assert.Equal("SELECT 'c'", second.Records[0].Sql);
        Assert.Equal(1, reopened.Records);
        reopened.Delete(second.Number);
        Assert.True(reopened.IsEmpty);
        Assert.Null(reopened.Oldest());
    }

    [Fact]
    public void A_new_store_numbers_after_the_batches_it_found()
    {
        new SpillStore(directory).Append(Batch("old"));
        var store = new SpillStore(directory);
        store.Append(Batch("new"));

        Assert.Equal(["old"], store.Oldest()!.Value.Records.Select(r => r.AuditId));
    }

    [Fact]
    public void Files_are_private_and_a_torn_temporary_file_is_removed()
    {
        File.WriteAllText(Path.Combine(directory, "00000000000000000009-1.jsonl.tmp"), "{\"aud");
        var store = new SpillStore(directory);
        store.Append(Batch("a"));

        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.EndsWith("-1.jsonl", file, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void An_unreadable_batch_is_set_aside_and_the_next_one_comes()
    {
        var store = new SpillStore(directory);
        store.Append(Batch("a"));
        store.Append(Batch("b"));
        var broken = Directory.GetFiles(directory).Order(StringComparer.Ordinal).First();
        File.WriteAllText(broken, "not json\n");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => store.Oldest());
        store.SetAside(store.OldestNumber()!.Value);

        Assert.Equal(["b"], store.Oldest()!.Value.Records.Select(r => r.AuditId));
        Assert.True(File.Exists(broken + ".unreadable"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
