using System.Text.Json;
using SqlProxy.Plugins.AuditFile;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditFile;

public sealed class JsonLinesAuditSinkTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Each_record_is_one_line_of_snake_case_json_without_nulls()
    {
        var path = _directory.File("audit.jsonl");
        await using (var sink = new JsonLinesAuditSink(path))
        {
            await sink.WriteAsync([AuditRecords.Full(), AuditRecords.Minimal("a-2")], CancellationToken.None);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2, lines.Length);

        var full = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("a-1", full.GetProperty("audit_id").GetString());
        Assert.Equal("req-a-1", full.GetProperty("request_id").GetString());
        Assert.Equal("2025-03-14T15:09:26.535+00:00", full.GetProperty("timestamp").GetString());
        Assert.Equal("UPSTREAM_ERROR", full.GetProperty("outcome").GetString());
        Assert.Equal("SELECT email, 'José' FROM customers\nWHERE region = 'north'", full.GetProperty("sql").GetString());
        Assert.Equal(["SELECT", "CREATE_TABLE"], full.GetProperty("statement_kinds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("PII.Email", full.GetProperty("classifications").GetProperty("email")[0].GetString());
        Assert.Equal("rules/pii.rules:12", full.GetProperty("rule").GetString());
        Assert.Equal("sha256:abc", full.GetProperty("rules_version").GetString());
        Assert.Equal(1234, full.GetProperty("duration_us").GetInt64());
        Assert.Equal("10.0.0.7", full.GetProperty("client_address").GetString());

        var minimal = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("EXECUTED", minimal.GetProperty("outcome").GetString());
        string[] omitted = ["user", "client_address", "database", "sql", "decision", "rule", "reason", "row_count", "error_code", "error_message"];
        Assert.All(omitted, name => Assert.False(minimal.TryGetProperty(name, out _), $"{name} should be omitted"));
    }

    [Fact]
    public async Task The_file_and_its_directory_are_created_readable_by_the_owner_only()
    {
        var path = _directory.File("nested", "deeper", "audit.jsonl");
        await using (var sink = new JsonLinesAuditSink(path))
        {
            await sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None);
        }

        Assert.Single(await File.ReadAllLinesAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Concurrent_writers_lose_and_interleave_nothing()
    {
        const int Writers = 16;
        const int RecordsPerWriter = 60;
        var path = _directory.File("audit.jsonl");
        await using (var sink = new JsonLinesAuditSink(path))
        {
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var ids = Enumerable.Range(0, RecordsPerWriter).Select(r => $"w{w}-r{r}");
                foreach (var batch in ids.Chunk(1 + w % 4))
                {
                    await sink.WriteAsync(batch.Select(AuditRecords.Minimal).ToArray(), CancellationToken.None);
                }
            }));
            await Task.WhenAll(writers);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(Writers * RecordsPerWriter, lines.Length);
        AuditTrailFiles.AssertUnbrokenChain(lines);
        var ids = await AuditIds(path);
        Assert.Equal(Writers * RecordsPerWriter, ids.Distinct().Count());
        for (var w = 0; w < Writers; w++)
        {
            var prefix = $"w{w}-r";
            Assert.Equal(
                Enumerable.Range(0, RecordsPerWriter).Select(r => prefix + r),
                ids.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Records_survive_dispose_and_a_reopened_sink_appends()
    {
        var path = _directory.File("audit.jsonl");
        await using (var first = new JsonLinesAuditSink(path))
        {
            await first.WriteAsync([AuditRecords.Minimal("a-1"), AuditRecords.Minimal("a-2")], CancellationToken.None);
        }

        await using (var second = new JsonLinesAuditSink(path))
        {
            await second.WriteAsync([AuditRecords.Minimal("a-3")], CancellationToken.None);
        }

        Assert.Equal(["a-1", "a-2", "a-3"], await AuditIds(path));
    }

    [Fact]
    public async Task Two_sinks_on_one_file_append_after_each_other()
    {
        var path = _directory.File("audit.jsonl");
        await using var old = new JsonLinesAuditSink(path);
        await using var reloaded = new JsonLinesAuditSink(path);

        await old.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None);
        await reloaded.WriteAsync([AuditRecords.Minimal("a-2")], CancellationToken.None);
        await old.WriteAsync([AuditRecords.Minimal("a-3")], CancellationToken.None);

        Assert.Equal(["a-1", "a-2", "a-3"], await AuditIds(path));
    }

    [Fact]
    public async Task Writing_after_dispose_fails_and_disposing_twice_does_not()
    {
        var sink = new JsonLinesAuditSink(_directory.File("audit.jsonl"));
        await sink.DisposeAsync();
        await sink.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sink.WriteAsync([AuditRecords.Minimal("a-1")], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_cancelled_write_writes_nothing()
    {
        var path = _directory.File("audit.jsonl");
        await using (var sink = new JsonLinesAuditSink(path))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => sink.WriteAsync([AuditRecords.Minimal("a-1")], new CancellationToken(canceled: true)).AsTask());
            await sink.WriteAsync([], CancellationToken.None);
        }

        Assert.Empty(await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task It_is_named_file()
    {
        await using var sink = new JsonLinesAuditSink(_directory.File("audit.jsonl"));
        Assert.Equal("file", sink.Name);
    }

    private static async Task<string[]> AuditIds(string path) =>
        (await File.ReadAllLinesAsync(path)).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("audit_id").GetString()!).ToArray();
}
