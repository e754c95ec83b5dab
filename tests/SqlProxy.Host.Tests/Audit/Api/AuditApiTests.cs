using System.Net;
using System.Text.Json.Nodes;
using SqlProxy.Host.Commands;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Audit.Api;

/// <summary>
/// <c>GET /api/v1/audit</c> and <c>/stats</c> through the real HTTP API, over what the PostgreSQL sink wrote for real
/// requests: two users, allowed and blocked statements.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class AuditApiTests(SampleDatabase sample, AuditApiScenario scenario) : IClassFixture<AuditApiScenario>, IAsyncLifetime
{
    public Task InitializeAsync() => scenario.EnsureStartedAsync(sample);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_filters_every_record_comes_newest_first_as_its_json_with_seq()
    {
        var records = await RecordsAsync("");
        Assert.Equal(scenario.Requests.Select(r => r.AuditId).Reverse(), records.Select(r => (string)r["audit_id"]!));
        var seqs = records.Select(r => (long)r["seq"]!).ToArray();
        Assert.Equal(seqs.OrderDescending(), seqs);
        var first = records[^1];
        Assert.Equal("analyst", (string?)first["user"]);
        Assert.Equal("EXECUTED", (string?)first["outcome"]);
        Assert.Equal(["SELECT"], first["statement_kinds"].Strings());
        Assert.Contains("testdb.public.orders", first["relations"].Strings());
        Assert.Null(first["hash"]);
        Assert.Null(first["prev_hash"]);
    }

    [Fact]
    public async Task Filters_by_user_decision_kind_and_database()
    {
        Assert.Equal(AuditIds(r => r.User == "analyst"), Ids(await RecordsAsync("?user=analyst")));
        var blocked = await RecordsAsync("?decision=block");
        Assert.Equal(AuditIds(r => r.Sql.StartsWith("DELETE", StringComparison.Ordinal)), Ids(blocked));
        Assert.Equal("BLOCK", (string?)blocked[0]["decision"]);
        Assert.Equal(Ids(blocked), Ids(await RecordsAsync("?kind=DELETE")));
        Assert.Equal(AuditIds(r => r.User == "admin"), Ids(await RecordsAsync("?user=admin&decision=ALLOW&database=testdb")));
        Assert.Empty(await RecordsAsync("?database=otherdb"));
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("public.customers")]
    [InlineData("testdb.public.customers")]
    public async Task A_table_matches_by_its_last_name_or_fully(string table)
    {
        Assert.Equal(AuditIds(r => r.Sql.Contains("customers", StringComparison.Ordinal)), Ids(await RecordsAsync("?table=" + table)));
    }

    [Fact]
    public async Task Text_is_a_case_insensitive_substring_of_the_sql()
    {
        Assert.Equal(AuditIds(r => r.Sql.Contains("WHERE id = 1", StringComparison.OrdinalIgnoreCase)), Ids(await RecordsAsync("?text=where%20ID%20%3D%201")));
        Assert.Empty(await RecordsAsync("?text=no%25such_thing"));
    }

    [Fact]
    public async Task A_time_range_selects_the_records_inside_it()
    {
        var from = Uri.EscapeDataString(scenario.Started.AddMinutes(-1).ToString("O"));
        var to = Uri.EscapeDataString(scenario.Finished.AddMinutes(1).ToString("O"));
        Assert.Equal(5, (await RecordsAsync($"?from={from}&to={to}")).Count);
        Assert.Empty(await RecordsAsync($"?from={to}"));
        Assert.Empty(await RecordsAsync($"?to={from}"));
    }

    [Fact]
    public async Task Pages_follow_next_before_seq_until_the_last()
    {
        var seen = new List<string>();
        string? before = null;
        for (var page = 0; page < 10; page++)
        {
            var json = await GetJsonAsync("/api/v1/audit?limit=2" + (before is null ? "" : "&before_seq=" + before));
            var records = json["records"]!.AsArray();
            seen.AddRange(records.Select(r => (string)r!["audit_id"]!));
            if (json["next_before_seq"] is not { } next)
            {
                Assert.Single(records);
                break;
            }
            Assert.Equal(2, records.Count);
            Assert.Equal((long)records[^1]!["seq"]!, (long)next);
            before = next.ToString();
        }
        Assert.Equal(scenario.Requests.Select(r => r.AuditId).Reverse(), seen);
    }

    [Fact]
    public async Task Stats_count_by_decision_user_table_and_hour()
    {
        var json = await GetJsonAsync("/api/v1/audit/stats");
        Assert.Equal(5, (long)json["total"]!);
        Assert.Equal(4, Count(json, "by_decision", "decision", "ALLOW"));
        Assert.Equal(1, Count(json, "by_decision", "decision", "BLOCK"));
        Assert.Equal(3, Count(json, "by_user", "user", "analyst"));
        Assert.Equal(2, Count(json, "by_user", "user", "admin"));
        Assert.Equal(3, Count(json, "by_table", "table", "testdb.public.orders"));
        Assert.Equal(2, Count(json, "by_table", "table", "testdb.public.customers"));
        var hours = json["by_hour"]!.AsArray();
        Assert.Equal(5, hours.Sum(h => (long)h!["count"]!));
        Assert.All(hours, h => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:00:00Z$", (string)h!["hour"]!));

        var before = await GetJsonAsync("/api/v1/audit/stats?to=" + Uri.EscapeDataString(scenario.Started.AddMinutes(-1).ToString("O")));
        Assert.Equal(0, (long)before["total"]!);
    }

    [Fact]
    public async Task The_sinks_table_verifies_as_one_intact_chain()
    {
        var output = new StringWriter();
        var code = AuditVerifyCommand.Run(scenario.AuditConnectionString, "sqlproxy_audit", AuditApiScenario.Table, output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("OK table sqlproxy_audit.api_records: 5 entries", output.ToString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(DemoKeys.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(DemoKeys.Auditor, HttpStatusCode.Forbidden)]
    public async Task Only_admins_may_read_the_audit(string? key, HttpStatusCode expected)
    {
        foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit/stats" })
        {
            var response = await scenario.Proxy.SendAsync(HttpMethod.Get, path, key);
            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.Unauthorized) Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.DoesNotContain("audit_id", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/api/v1/audit?limit=0", "`limit`")]
    [InlineData("/api/v1/audit?limit=501", "`limit`")]
    [InlineData("/api/v1/audit?limit=ten", "`limit`")]
    [InlineData("/api/v1/audit?before_seq=-3", "`before_seq`")]
    [InlineData("/api/v1/audit?decision=MAYBE", "`decision`")]
    [InlineData("/api/v1/audit?kind=select;drop", "`kind`")]
    [InlineData("/api/v1/audit?from=yesterday", "`from`")]
    [InlineData("/api/v1/audit?user=a&user=b", "`user`")]
    [InlineData("/api/v1/audit/stats?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "`to`")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string named)
    {
        var response = await scenario.Proxy.SendAsync(HttpMethod.Get, path, DemoKeys.Admin);
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_PARAMETER", (string?)json["error_code"]);
        Assert.Contains(named, (string?)json["error_message"]);
    }

    [Fact]
    public async Task Without_a_postgresql_sink_the_audit_cannot_be_queried()
    {
        // The collection's proxy has only the file sink.
        var response = await sample.Proxy.SendAsync(HttpMethod.Get, "/api/v1/audit", DemoKeys.Admin);
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("AUDIT_QUERY_UNAVAILABLE", (string?)json["error_code"]);
        Assert.Contains("set [plugins.audit_postgres] connection_string", (string?)json["error_message"]);
    }

    [Fact]
    public async Task An_unreachable_store_is_a_503_without_the_password()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => AuditApiScenario.WithPostgresSink(toml.Replace("watch = true", "watch = false"), port: "1"));
        var response = await proxy.SendAsync(HttpMethod.Get, "/api/v1/audit?user=admin", DemoKeys.Admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("AUDIT_STORE_UNAVAILABLE", text);
        Assert.Contains("sqlproxy_audit.api_records at 127.0.0.1:1/audit", text);
        Assert.DoesNotContain(sample.Server.Password, text);
    }

    private async Task<IReadOnlyList<JsonObject>> RecordsAsync(string query) =>
        (await GetJsonAsync("/api/v1/audit" + query))["records"]!.AsArray().Select(r => r!.AsObject()).ToArray();

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        var response = await scenario.Proxy.SendAsync(HttpMethod.Get, path, DemoKeys.Admin);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The audit ids of the scenario's requests that match, newest first (as the API answers).</summary>
    private string[] AuditIds(Func<(string User, string Sql, HttpStatusCode Status, string AuditId), bool> match) =>
        scenario.Requests.Where(match).Select(r => r.AuditId).Reverse().ToArray();

    private static string[] Ids(IEnumerable<JsonObject> records) => records.Select(r => (string)r["audit_id"]!).ToArray();

    private static long Count(JsonObject stats, string group, string key, string value) =>
        (long)stats[group]!.AsArray().Single(g => (string?)g![key] == value)!["count"]!;
}
