using System.Text;
using SqlProxy.Plugins.AuditFile;
using SqlProxy.Sdk;
using static SqlProxy.Plugins.Tests.AuditFile.AuditTrailFiles;

namespace SqlProxy.Plugins.Tests.AuditFile;

/// <summary>The file sink's trail is one hash chain: across batches, rotations, restarts, torn writes and concurrent sinks.</summary>
public sealed class AuditFileChainTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Batches_continue_one_chain_numbered_from_one()
    {
        var path = _directory.File("audit.jsonl");
        await using (var sink = new JsonLinesAuditSink(path))
        {
            await sink.WriteAsync(Records("a-1", "a-2"), CancellationToken.None);
            await sink.WriteAsync(Records("a-3"), CancellationToken.None);
            await sink.WriteAsync(Records("a-4", "a-5", "a-6"), CancellationToken.None);
        }

        var entries = AssertUnbrokenChain(File.ReadAllLines(path));
        Assert.Equal(["a-1", "a-2", "a-3", "a-4", "a-5", "a-6"], AuditIds(entries));
        Assert.Equal(AuditRecordJson.Serialize(AuditRecords.Full()), AuditRecordJson.Serialize(entries[0].ReadRecord()));
    }

    [Fact]
    public async Task Rotation_by_size_makes_files_under_the_limit_that_together_are_one_chain()
    {
        var path = _directory.File("audit.jsonl");
        var ids = Enumerable.Range(1, 40).Select(i => $"a-{i}").ToArray();
        await using (var sink = new JsonLinesAuditSink(new AuditFileOptions(path, MaxBytes: 2048)))
        {
            foreach (var batch in ids.Chunk(3)) await sink.WriteAsync(Records(batch), CancellationToken.None);
        }

        var rotated = RotatedFiles(path);
        Assert.True(rotated.Length >= 3, $"expected several rotated files, found {rotated.Length}");
        Assert.All(rotated.Append(path), file => Assert.InRange(new FileInfo(file).Length, 1, 2048));
        Assert.Equal(ids, AuditIds(AssertUnbrokenChain(AllLines(path))));
        Assert.All(rotated, file => Assert.Matches(@"^audit\.\d{8}T\d{9}Z\.jsonl$", Path.GetFileName(file)));
    }

    [Fact]
    public async Task Rotation_by_time_starts_a_new_file_in_each_hour_and_names_them_in_order()
    {
        var path = _directory.File("audit.jsonl");
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero));
        await using (var sink = new JsonLinesAuditSink(new AuditFileOptions(path, RotateEvery: RotationPeriod.Hourly), clock))
        {
            await sink.WriteAsync(Records("a-1"), CancellationToken.None);
            clock.Now = clock.Now.AddMinutes(30);
            await sink.WriteAsync(Records("a-2"), CancellationToken.None);
            clock.Now = clock.Now.AddMinutes(30);
            await sink.WriteAsync(Records("a-3"), CancellationToken.None);
            clock.Now = clock.Now.AddHours(1);
            await sink.WriteAsync(Records("a-4"), CancellationToken.None);
        }

        Assert.Equal(["audit.20261123T111500000Z.jsonl", "audit.20261123T121500000Z.jsonl"], RotatedFiles(path).Select(Path.GetFileName));
        Assert.Equal(["a-1", "a-2"], AuditIds(File.ReadAllLines(RotatedFiles(path)[0]).Select(AuditChain.Parse)));
        Assert.Equal(["a-1", "a-2", "a-3", "a-4"], AuditIds(AssertUnbrokenChain(AllLines(path))));
    }

    [Fact]
    public async Task A_new_sink_on_the_same_path_continues_the_chain()
    {
        var path = _directory.File("audit.jsonl");
        await using (var first = new JsonLinesAuditSink(path)) await first.WriteAsync(Records("a-1", "a-2"), CancellationToken.None);
        await using (var restarted = new JsonLinesAuditSink(path)) await restarted.WriteAsync(Records("a-3"), CancellationToken.None);

        Assert.Equal(["a-1", "a-2", "a-3"], AuditIds(AssertUnbrokenChain(File.ReadAllLines(path))));
    }

    [Fact]
    public async Task A_restart_after_rotation_continues_from_the_newest_rotated_file()
    {
        var path = _directory.File("audit.jsonl");
        await using (var first = new JsonLinesAuditSink(new AuditFileOptions(path, MaxBytes: 1024)))
        {
            foreach (var id in new[] { "a-1", "a-2", "a-3", "a-4", "a-5" }) await first.WriteAsync(Records(id), CancellationToken.None);
        }

        File.Move(path, _directory.File("elsewhere.jsonl"));
        File.WriteAllText(path, "");
        var expected = AuditIds(AssertUnbrokenChain(AllLines(path))).Append("a-6").ToArray();
        await using (var restarted = new JsonLinesAuditSink(path)) await restarted.WriteAsync(Records("a-6"), CancellationToken.None);

        Assert.Equal(expected, AuditIds(AssertUnbrokenChain(AllLines(path))));
    }

    [Fact]
    public async Task A_torn_last_line_is_cut_away_and_the_chain_goes_on_from_the_last_whole_entry()
    {
        var path = _directory.File("audit.jsonl");
        await using (var first = new JsonLinesAuditSink(path)) await first.WriteAsync(Records("a-1", "a-2"), CancellationToken.None);
        var whole = File.ReadAllBytes(path);
        var torn = AuditChain.Link(AuditRecords.Minimal("lost"), 3, AuditChain.GenesisHash).Line[..40];
        File.AppendAllText(path, torn);

        await using (var restarted = new JsonLinesAuditSink(path)) await restarted.WriteAsync(Records("a-3"), CancellationToken.None);

        var text = File.ReadAllText(path);
        Assert.StartsWith(Encoding.UTF8.GetString(whole), text);
        Assert.DoesNotContain(torn, text);
        Assert.Equal(["a-1", "a-2", "a-3"], AuditIds(AssertUnbrokenChain(File.ReadAllLines(path))));
    }

    [Fact]
    public async Task A_line_torn_by_another_writer_is_cut_away_before_the_next_batch()
    {
        var path = _directory.File("audit.jsonl");
        await using var sink = new JsonLinesAuditSink(path);
        await sink.WriteAsync(Records("a-1"), CancellationToken.None);
        File.AppendAllText(path, "{\"seq\":2,\"prev_hash\":\"");

        await sink.WriteAsync(Records("a-2"), CancellationToken.None);

        Assert.Equal(["a-1", "a-2"], AuditIds(AssertUnbrokenChain(File.ReadAllLines(path))));
    }

    [Fact]
    public async Task Two_sinks_writing_in_turn_keep_one_chain()
    {
        var path = _directory.File("audit.jsonl");
        await using var old = new JsonLinesAuditSink(new AuditFileOptions(path, MaxBytes: 1500));
        await using var reloaded = new JsonLinesAuditSink(new AuditFileOptions(path, MaxBytes: 1500));
        var ids = Enumerable.Range(1, 12).Select(i => $"a-{i}").ToArray();
        for (var i = 0; i < ids.Length; i++) await (i % 3 == 0 ? reloaded : old).WriteAsync(Records(ids[i]), CancellationToken.None);

        Assert.NotEmpty(RotatedFiles(path));
        Assert.Equal(ids, AuditIds(AssertUnbrokenChain(AllLines(path))));
    }

    [Fact]
    public async Task Sinks_writing_at_once_keep_one_chain()
    {
        const int Sinks = 4;
        const int RecordsPerSink = 40;
        var path = _directory.File("audit.jsonl");
        var sinks = Enumerable.Range(0, Sinks).Select(_ => new JsonLinesAuditSink(new AuditFileOptions(path, MaxBytes: 8192, Fsync: FsyncPolicy.Never))).ToArray();
        try
        {
            var writers = sinks.Select((sink, s) => Task.Run(async () =>
            {
                for (var i = 0; i < RecordsPerSink; i++) await sink.WriteAsync(Records($"s{s}-{i}"), CancellationToken.None);
            }));
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            foreach (var sink in sinks) await sink.DisposeAsync();
        }

        var ids = AuditIds(AssertUnbrokenChain(AllLines(path)));
        Assert.Equal(Sinks * RecordsPerSink, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, RecordsPerSink).Select(i => $"s0-{i}"), ids.Where(id => id.StartsWith("s0-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_file_written_before_the_chain_is_set_aside_whole_and_a_new_chain_starts()
    {
        var path = _directory.File("audit.jsonl");
        var old = AuditRecordJson.Serialize(AuditRecords.Minimal("old")) + "\n";
        File.WriteAllText(path, old);
        await using (var sink = new JsonLinesAuditSink(path))
            await sink.WriteAsync(Records("a-1"), CancellationToken.None);

        var setAside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "audit.unchained-*.jsonl"));
        Assert.Equal(old, File.ReadAllText(setAside));
        var entry = AuditChain.Parse(Assert.Single(File.ReadAllLines(path)));
        Assert.Equal((1L, AuditChain.GenesisHash, true), (entry.Sequence, entry.PreviousHash, entry.IsIntact));
    }

    private static AuditRecord[] Records(params string[] ids) =>
        [.. ids.Select(id => id == "a-1" ? AuditRecords.Full() with { AuditId = id } : AuditRecords.Minimal(id))];
}
