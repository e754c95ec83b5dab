using System.Net;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Tests.Support;
using static SqlProxy.Host.Tests.Support.PipelineFixtures;

namespace SqlProxy.Host.Tests;

/// <summary>A limit rule caps the rows a SELECT returns, below the database's max_rows, and the response says which rule.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RowLimitTests(SampleDatabase sample)
{
    private const string RulesText = """
        rule 'analysts read the sales tables'
        allow select on testdb.public.customers, testdb.public.orders when user has role 'analyst';

        rule 'admins do everything'
        allow all on * when user has role 'admin';

        rule 'analysts see a sample'
        limit 5 on testdb when user has role 'analyst';
        """;

    // ---- over HTTP, against PostgreSQL ----

    [Fact]
    public async Task A_limit_rule_caps_the_rows_and_says_so()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var analyst = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM customers ORDER BY id")).JsonAsync();
        var admin = await (await proxy.QueryAsync(DemoKeys.Admin, "SELECT id FROM customers ORDER BY id")).JsonAsync();

        Assert.Equal(5, analyst["data"]!["rows"]!.AsArray().Count);
        Assert.True((bool)analyst["data"]!["truncated"]!);
        Assert.Equal(5, (long)analyst["row_limit"]!["limit"]!);
        Assert.EndsWith("test.rules:7", (string?)analyst["row_limit"]!["rule"]);
        Assert.Equal("analysts see a sample", (string?)analyst["row_limit"]!["rule_name"]);
        Assert.Equal(60, admin["data"]!["rows"]!.AsArray().Count);
        Assert.False((bool)admin["data"]!["truncated"]!);
        Assert.Null(admin["row_limit"]);
    }

    [Fact]
    public async Task A_result_within_the_limit_is_not_truncated()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM customers WHERE id <= 3")).JsonAsync();

        Assert.Equal(3, json["data"]!["rows"]!.AsArray().Count);
        Assert.False((bool)json["data"]!["truncated"]!);
        Assert.Equal(5, (long)json["row_limit"]!["limit"]!);
    }

    [Fact]
    public async Task A_smaller_max_rows_wins_over_the_rule()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample, t => t.Replace("max_rows = 10000", "max_rows = 3"));

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders")).JsonAsync();

        Assert.Equal(3, json["data"]!["rows"]!.AsArray().Count);
        Assert.True((bool)json["data"]!["truncated"]!);
        Assert.Equal(3, (long)json["row_limit"]!["limit"]!);
        Assert.Null(json["row_limit"]!["rule"]);
    }

    // ---- the cap, on hand-made decisions ----

    [Fact]
    public void The_smallest_limit_of_any_statement_caps_the_request()
    {
        var cap = RowCap.For(
            [Allow() with { RowLimit = 50, LimitRule = Rule(3) }, Allow(), Allow() with { RowLimit = 20, LimitRule = Rule(4) }],
            maxRows: 10_000);

        Assert.Equal(new RowCap(20, Rule(4), 20), cap);
    }

    [Fact]
    public void Without_a_limit_rule_or_above_max_rows_max_rows_caps_the_request()
    {
        Assert.Equal(new RowCap(100, null, null), RowCap.For([Allow()], maxRows: 100));
        Assert.Equal(new RowCap(100, null, 500), RowCap.For([Allow() with { RowLimit = 500, LimitRule = Rule(2) }], maxRows: 100));
    }
}
