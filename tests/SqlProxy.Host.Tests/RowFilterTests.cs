using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using static SqlProxy.Host.Tests.Support.PipelineFixtures;

namespace SqlProxy.Host.Tests;

/// <summary>Row filters are merged into every read of a filtered table, wherever it appears, and bind values as constants.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RowFilterTests(SampleDatabase sample)
{
    private const string RulesText = """
        rule 'analysts read the sales tables'
        allow select on testdb.public.customers, testdb.public.orders when user has role 'analyst';

        rule 'admins do everything'
        allow all on * when user has role 'admin';

        rule 'analysts see their region'
        filter testdb.public.customers where 'region = {user.attributes.region}' when user has role 'analyst';

        # TRUNCATE cannot be limited to rows, so the filter refuses it (and the foreign keys would refuse it anyway).
        rule 'analysts may try to truncate'
        allow truncate on testdb.public.customers when user has role 'analyst';
        """;

    private const string HostileKey = "sk-hostile-test-key";
    private const string HostileRegion = "north' OR '1'='1";

    // ---- over HTTP, against PostgreSQL ----

    [Fact]
    public async Task An_analyst_sees_only_the_customers_of_their_region()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id, region FROM customers")).JsonAsync();

        var rows = json["data"]!["rows"]!.AsArray();
        Assert.Equal(await CountAsAdminAsync(proxy, "SELECT count(*) FROM customers WHERE region = 'north'"), rows.Count);
        Assert.All(rows, row => Assert.Equal("north", (string?)row![1]));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id",
        "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.region = 'north'")]
    [InlineData("SELECT count(*) FROM orders WHERE customer_id IN (SELECT id FROM customers)",
        "SELECT count(*) FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE region = 'north')")]
    [InlineData("WITH c AS (SELECT * FROM customers) SELECT count(*) FROM c",
        "SELECT count(*) FROM customers WHERE region = 'north'")]
    [InlineData("SELECT count(*) FROM (SELECT id FROM public.customers) AS s",
        "SELECT count(*) FROM customers WHERE region = 'north'")]
    [InlineData("SELECT count(*) FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)",
        "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.region = 'north'")]
    [InlineData("SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NOT NULL",
        "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.region = 'north'")]
    public async Task The_filter_applies_in_joins_subqueries_and_ctes(string sql, string expectedAsAdmin)
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var response = await proxy.QueryAsync(DemoKeys.Analyst, sql);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await CountAsAdminAsync(proxy, expectedAsAdmin), (long)json["data"]!["rows"]![0]![0]!);
    }

    [Fact]
    public async Task A_hostile_attribute_value_is_a_constant_not_sql()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample, WithHostileUser);

        var response = await proxy.QueryAsync(HostileKey, "SELECT id, region FROM customers");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(json["data"]!["rows"]!.AsArray());
    }

    [Fact]
    public async Task The_audit_record_holds_the_sql_that_ran()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT count(*) FROM customers")).JsonAsync();
        var admin = await (await proxy.QueryAsync(DemoKeys.Admin, "SELECT count(*) FROM customers")).JsonAsync();

        var records = await proxy.AuditRecordsAsync((string?)admin["audit_id"]);
        var filtered = records.Single(r => (string?)r["audit_id"] == (string?)json["audit_id"]);
        var rewritten = Assert.Single(filtered["rewritten_sql"].Strings());
        Assert.Contains("region", rewritten);
        Assert.Contains("'north'", rewritten);
        Assert.Equal("SELECT count(*) FROM customers", (string?)filtered["sql"]);
        Assert.Empty(records.Single(r => (string?)r["audit_id"] == (string?)admin["audit_id"])["rewritten_sql"].Strings());
    }

    [Fact]
    public async Task A_statement_that_cannot_be_limited_to_the_allowed_rows_is_refused_with_400()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var response = await proxy.QueryAsync(DemoKeys.Analyst, "TRUNCATE customers");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ROW_FILTER_FAILED", (string?)json["error_code"]);
        Assert.Matches(@"^the statement cannot run with the row filters of .*test\.rules:7: .*`customers`", (string?)json["error_message"]);
        var record = (await proxy.AuditRecordsAsync((string?)json["audit_id"])).Single(r => (string?)r["audit_id"] == (string?)json["audit_id"]);
        Assert.Equal("REJECTED", (string?)record["outcome"]);
        Assert.Equal("ROW_FILTER_FAILED", (string?)record["error_code"]);
    }

    // ---- the stage, on hand-made decisions ----

    [Fact]
    public async Task A_statement_that_cannot_be_filtered_is_refused_and_nothing_is_planned_to_run()
    {
        await using var database = new UpstreamDatabase(Database(), NullLogger.Instance);
        var filter = new RowFilter(Customers, "region = = $1", ["north"], Rule(9));
        var context = Context() with
        {
            Database = database,
            Statements = [Statement("SELECT 1"), Statement("SELECT id FROM customers")],
            StatementDecisions = [Allow(), Allow() with { Filters = [filter] }],
        };

        var (planned, failure) = await new RewriteStage(new CachingRowFilterRewriter(SqlProxy.Analysis.AnalysisLimits.Default)).RunAsync(context, CancellationToken.None);

        Assert.Equal(400, failure!.StatusCode);
        Assert.Equal("ROW_FILTER_FAILED", failure.Code);
        Assert.StartsWith("statement 2 cannot run with the row filters of test.rules:9: ", failure.Message);
        Assert.Empty(planned.ExecutedSql);
    }

    [Fact]
    public async Task Without_filters_the_statements_run_as_written_and_execution_refuses_an_unplanned_request()
    {
        await using var database = new UpstreamDatabase(Database(), NullLogger.Instance);
        var context = Context() with { Database = database, Statements = [Statement("SELECT id FROM customers")], StatementDecisions = [Allow()] };

        var (planned, failure) = await new RewriteStage(new CachingRowFilterRewriter(SqlProxy.Analysis.AnalysisLimits.Default)).RunAsync(context, CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal(["SELECT id FROM customers"], planned.ExecutedSql);
        var execute = new ExecuteStage(new StatementExecutor(), NullLogger<ExecuteStage>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await execute.RunAsync(context, CancellationToken.None));
    }

    private static string WithHostileUser(string toml) => toml + $"""

        [[users]]
        name = "hostile"
        api_key_sha256 = "{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HostileKey)))}"
        roles = ["analyst"]
        attributes = {"{"} region = "{HostileRegion}" {"}"}

        """;

    private static async Task<long> CountAsAdminAsync(RunningProxy proxy, string sql)
    {
        var json = await (await proxy.QueryAsync(DemoKeys.Admin, sql)).JsonAsync();
        return (long)json["data"]!["rows"]![0]![0]!;
    }
}
