using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>Every request leaves exactly one audit record, on every path out, with no secret in it.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class AuditTests(SampleDatabase sample)
{
    [Fact]
    public async Task Every_path_out_is_audited_once_and_no_key_is_written()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        var cases = new (string? Key, string Sql, string Outcome)[]
        {
            (DemoKeys.Analyst, "SELECT email FROM customers LIMIT 2", "EXECUTED"),
            (DemoKeys.Analyst, "DELETE FROM orders", "BLOCKED"),
            (DemoKeys.Analyst, "SELEC 1", "REJECTED"),
            ("sk-wrong-key-123", "SELECT 1", "UNAUTHENTICATED"),
            (DemoKeys.Admin, "SELECT missing FROM customers", "UPSTREAM_ERROR"),
        };
        var ids = new List<string>();
        foreach (var (key, sql, _) in cases)
            ids.Add((string)(await (await proxy.QueryAsync(key, sql)).JsonAsync())["audit_id"]!);

        var records = await proxy.AuditRecordsAsync(ids[^1]);
        for (var i = 0; i < cases.Length; i++)
        {
            var record = Assert.Single(records, r => (string?)r["audit_id"] == ids[i]);
            Assert.Equal(cases[i].Outcome, (string?)record["outcome"]);
        }
        var executed = records.Single(r => (string?)r["audit_id"] == ids[0]);
        Assert.Equal("analyst", (string?)executed["user"]);
        Assert.Equal("ALLOW", (string?)executed["decision"]);
        Assert.Equal("testdb", (string?)executed["database"]);
        Assert.NotNull(executed["rules_version"]);
        Assert.Contains("testdb.public.customers", executed["relations"].Strings());

        var text = await File.ReadAllTextAsync(proxy.AuditFile);
        Assert.DoesNotContain("demo-key", text);
        Assert.DoesNotContain("sk-wrong-key", text);
        Assert.DoesNotContain(sample.Server.Password, text);
    }

    [Fact]
    public async Task A_clean_stop_writes_every_acknowledged_record()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        var requests = Enumerable.Range(0, 40).Select(i => proxy.QueryAsync(DemoKeys.Analyst, $"SELECT {i} AS n FROM orders LIMIT 1"));
        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.JsonAsync())["audit_id"]!));

        await proxy.StopAsync();

        var written = (await proxy.AuditRecordsAsync()).Select(r => (string?)r["audit_id"]).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id, written));
    }
}
