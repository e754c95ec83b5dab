using System.Net;
using System.Text.Json.Nodes;
using SqlProxy.Host.Http;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Rules;
using static SqlProxy.Host.Tests.Support.PipelineFixtures;

namespace SqlProxy.Host.Tests;

/// <summary>A dry run explains itself: every rule consulted, and the masks, filters, SQL and row limit that would apply.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class ExplainTests(SampleDatabase sample)
{
    private const string RulesText = """
        rule 'analysts read the sales tables'
        allow select on testdb.public.customers, testdb.public.orders when user has role 'analyst';

        rule 'phones are hidden by label'
        mask label 'PII.Phone' with redact when user has role 'analyst';

        rule 'emails show two letters'
        mask testdb.public.customers.email with partial(keep_first = 2) when user has role 'analyst';

        rule 'analysts see their region'
        filter testdb.public.customers where 'region = {user.attributes.region}' when user has role 'analyst';

        rule 'analysts see a sample'
        limit 5 on testdb when user has role 'analyst';
        """;

    // ---- over HTTP, against PostgreSQL ----

    [Fact]
    public async Task A_dry_run_explains_the_trace_masks_filters_rewritten_sql_and_limit()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var response = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT name, upper(email) AS e FROM customers", dryRun: true);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(json["data"]);
        var statement = json["explain"]!["statements"]!.AsArray().Single()!;
        Assert.Equal("ALLOW", (string?)statement["verdict"]);
        var allow = statement["trace"]!.AsArray().First(t => (string?)t!["effect"] == "allow")!;
        Assert.EndsWith("test.rules:1", (string?)allow["rule"]);
        Assert.Equal("MATCHED", (string?)allow["outcome"]);
        Assert.False(string.IsNullOrEmpty((string?)allow["target"]));
        Assert.False(string.IsNullOrEmpty((string?)allow["detail"]));

        var mask = statement["masks"]!.AsArray().Single()!;
        Assert.Equal(("e", "partial", "column testdb.public.customers.email"), ((string?)mask["column"], (string?)mask["masker"], (string?)mask["matched_by"]));
        Assert.Equal("2", (string?)mask["arguments"]!["keep_first"]);
        Assert.Equal("PII.Phone", (string?)statement["label_masks"]![0]!["label"]);
        Assert.Contains("after classification", json["explain"]!["notes"].Strings().Single());

        var filter = statement["filters"]!.AsArray().Single()!;
        Assert.Equal("testdb.public.customers", (string?)filter["table"]);
        Assert.Contains("$1", (string?)filter["predicate"]);
        Assert.Equal(["north"], filter["values"].Strings());
        Assert.Contains("'north'", (string?)statement["rewritten_sql"]);
        Assert.Equal(5, (long)statement["row_limit"]!["limit"]!);
        Assert.Equal("analysts see a sample", (string?)statement["row_limit"]!["rule_name"]);
    }

    [Fact]
    public async Task A_blocked_dry_run_still_explains_and_a_query_does_not()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var blocked = await proxy.QueryAsync(DemoKeys.Analyst, "DELETE FROM orders", dryRun: true);
        var json = await blocked.JsonAsync();
        var query = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var statement = json["explain"]!["statements"]![0]!;
        Assert.Equal("BLOCK", (string?)statement["verdict"]);
        Assert.Null(statement["rewritten_sql"]);
        Assert.NotNull(statement["trace"]);
        Assert.Null(query["explain"]);
    }

    // ---- the explain section, from hand-made decisions ----

    [Fact]
    public void The_explain_section_is_built_from_each_statements_decision_and_trace()
    {
        var trace = new TraceEntry(Rule(1, "read"), "allow", "select on testdb.public.customers", TraceOutcome.Matched, "deciding");
        var decision = Allow() with
        {
            Masks = [LabelMask("PII.Email", "email_domain", 2), ColumnMask("email", "partial", 3)],
            Filters = [new RowFilter(Customers, "region = $1", ["north"], Rule(4))],
        };
        var context = Context(dryRun: true) with
        {
            Statements = [Statement("SELECT lower(email) AS m, name FROM customers", projection: [Projected("m", "email"), Projected("name", "name")])],
            StatementDecisions = [decision],
            Traces = [[trace]],
            ExecutedSql = ["SELECT lower(email) AS m, name FROM customers WHERE region = 'north'"],
        };

        var explain = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(QueryResponseExplainFactory.Create(context), JsonDefaults.Options))!;

        var statement = explain["statements"]![0]!;
        Assert.Equal("""[{"rule":"test.rules:1","rule_name":"read","effect":"allow","target":"select on testdb.public.customers","outcome":"MATCHED","detail":"deciding"}]""",
            statement["trace"]!.ToJsonString());
        Assert.Equal("""[{"column":"m","masker":"partial","arguments":{},"rule":"test.rules:3","rule_name":null,"matched_by":"column testdb.public.customers.email"}]""",
            statement["masks"]!.ToJsonString());
        Assert.Equal("PII.Email", (string?)statement["label_masks"]![0]!["label"]);
        Assert.Equal("""[{"table":"testdb.public.customers","predicate":"region = $1","values":["north"],"rule":"test.rules:4","rule_name":null}]""",
            statement["filters"]!.ToJsonString());
        Assert.Equal("SELECT lower(email) AS m, name FROM customers WHERE region = 'north'", (string?)statement["rewritten_sql"]);
        Assert.Null(QueryResponseExplainFactory.Create(context with { Request = context.Request with { DryRun = false } }));
    }
}
