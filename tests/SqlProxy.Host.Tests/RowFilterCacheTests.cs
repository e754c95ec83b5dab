using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Analysis;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Tests.Observability;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using static SqlProxy.Host.Tests.Support.PipelineFixtures;

namespace SqlProxy.Host.Tests;

/// <summary>The rewrite stage caches row-filter rewrites: a repeat is served the same SQL, a refusal is refused again the same way.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RowFilterCacheTests(SampleDatabase sample)
{
    private const string Sql = "SELECT id FROM customers";

    [Fact]
    public async Task A_repeated_statement_with_the_same_filters_is_rewritten_once()
    {
        await using var database = new UpstreamDatabase(Database(), NullLogger.Instance);
        var rewriter = new CachingRowFilterRewriter(AnalysisLimits.Default);
        var stage = new RewriteStage(rewriter);

        var first = await PlanAsync(stage, database, Filter("north"));
        var second = await PlanAsync(stage, database, Filter("north"));
        var other = await PlanAsync(stage, database, Filter("south"));

        Assert.Equal(["SELECT id FROM (SELECT * FROM customers WHERE customers.region = 'north') customers"], first.ExecutedSql);
        Assert.Equal(first.ExecutedSql, second.ExecutedSql);
        Assert.Equal(["SELECT id FROM (SELECT * FROM customers WHERE customers.region = 'south') customers"], other.ExecutedSql);
        Assert.Equal((1, 2), (rewriter.Hits, rewriter.Misses));
    }

    [Fact]
    public async Task A_statement_that_cannot_be_filtered_is_refused_the_same_way_every_time()
    {
        await using var database = new UpstreamDatabase(Database(), NullLogger.Instance);
        var stage = new RewriteStage(new CachingRowFilterRewriter(AnalysisLimits.Default));
        var filter = new RowFilter(Customers, "region = = $1", ["north"], Rule(9));
        var context = Context() with
        {
            Database = database,
            Statements = [Statement(Sql)],
            StatementDecisions = [Allow() with { Filters = [filter] }],
        };

        var (_, first) = await stage.RunAsync(context, CancellationToken.None);
        var (_, second) = await stage.RunAsync(context, CancellationToken.None);

        Assert.Equal((400, "ROW_FILTER_FAILED"), (first!.StatusCode, first.Code));
        Assert.StartsWith("the statement cannot run with the row filters of test.rules:9: ", first.Message);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_rewrite_cache_counts_a_miss_then_hits_over_http()
    {
        using var rules = new TemporaryRules("""
            rule 'analysts read customers'
            allow select on testdb.public.customers when user has role 'analyst';

            rule 'analysts see their region'
            filter testdb.public.customers where 'region = {user.attributes.region}' when user has role 'analyst';
            """);
        await using var proxy = await rules.StartProxyAsync(sample);
        var sql = $"SELECT count(*) FROM customers WHERE id <> {Random.Shared.Next(1_000_000, 9_000_000)}";

        var before = await MetricsScrape.OfAsync(proxy);
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await proxy.QueryAsync(DemoKeys.Analyst, sql);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((await response.JsonAsync())["data"]!["rows"]!.ToJsonString());
        }

        var after = await MetricsScrape.OfAsync(proxy);

        Assert.Single(answers.Distinct());
        Assert.Equal(1, after.ValueOf("sqlproxy_rewrite_cache_misses_total") - before.ValueOf("sqlproxy_rewrite_cache_misses_total"));
        Assert.Equal(2, after.ValueOf("sqlproxy_rewrite_cache_hits_total") - before.ValueOf("sqlproxy_rewrite_cache_hits_total"));
    }

    private static RowFilter Filter(string region) => new(Customers, "region = $1", [region], Rule(4));

    private static async Task<QueryContext> PlanAsync(RewriteStage stage, UpstreamDatabase database, RowFilter filter)
    {
        var context = Context() with
        {
            Database = database,
            Statements = [Statement(Sql)],
            StatementDecisions = [Allow() with { Filters = [filter] }],
        };
        var (planned, failure) = await stage.RunAsync(context, CancellationToken.None);
        Assert.Null(failure);
        return planned;
    }
}
