using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Observability;

/// <summary>The request, pipeline, cache, rules and pool metrics move with real requests to a real proxy and PostgreSQL.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class ObservabilityMetricsTests(SampleDatabase sample)
{
    private RunningProxy Proxy => sample.Proxy;

    [Fact]
    public async Task Requests_are_counted_by_route_pattern_method_and_status()
    {
        var ok = ("endpoint", "/api/v1/query");
        var before = await MetricsScrape.OfAsync(Proxy);
        Assert.Equal(HttpStatusCode.OK, (await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM customers LIMIT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Proxy.QueryAsync("not-a-key", "SELECT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Proxy.Client.GetAsync("/no/such/path/" + Guid.NewGuid())).StatusCode);
        var after = await MetricsScrape.OfAsync(Proxy);

        Assert.Equal(1, after.SumOf("sqlproxy_http_requests_total", ok, ("method", "POST"), ("status", "200"))
            - before.SumOf("sqlproxy_http_requests_total", ok, ("method", "POST"), ("status", "200")));
        Assert.Equal(1, after.SumOf("sqlproxy_http_requests_total", ok, ("status", "401"))
            - before.SumOf("sqlproxy_http_requests_total", ok, ("status", "401")));
        Assert.Equal(1, after.SumOf("sqlproxy_http_requests_total", ("endpoint", "unmatched"), ("status", "404"))
            - before.SumOf("sqlproxy_http_requests_total", ("endpoint", "unmatched"), ("status", "404")));
        Assert.Equal(2, after.SumOf("sqlproxy_http_request_duration_seconds_count", ok) - before.SumOf("sqlproxy_http_request_duration_seconds_count", ok));
        // The raw path never becomes a label.
        Assert.DoesNotContain("/no/such/path", after.Text);
    }

    [Fact]
    public async Task Every_stage_a_request_runs_is_timed()
    {
        var before = await MetricsScrape.OfAsync(Proxy);
        Assert.Equal(HttpStatusCode.OK, (await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM customers LIMIT 2")).StatusCode);
        var after = await MetricsScrape.OfAsync(Proxy);

        foreach (var stage in new[] { "authenticate", "analyse", "decide", "execute", "mask" })
        {
            var series = $"sqlproxy_stage_duration_seconds_count{{stage=\"{stage}\"}}";
            Assert.True(after.ValueOf(series) - before.ValueOf(series) == 1, $"{series}: {before.ValueOf(series)} → {after.ValueOf(series)}\n{after.Text}");
        }
        Assert.True(after.SumOf("sqlproxy_stage_duration_seconds_sum", ("stage", "execute")) > before.SumOf("sqlproxy_stage_duration_seconds_sum", ("stage", "execute")));
    }

    [Fact]
    public async Task Decisions_are_counted_by_result_and_deciding_rule()
    {
        var before = await MetricsScrape.OfAsync(Proxy);
        var allowed = await (await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM customers LIMIT 1")).JsonAsync();
        var blocked = await (await Proxy.QueryAsync(DemoKeys.Auditor, "SELECT credit_card FROM sensitive_data")).JsonAsync();
        await Proxy.QueryAsync(DemoKeys.Auditor, "SELECT credit_card FROM sensitive_data", dryRun: true);
        var after = await MetricsScrape.OfAsync(Proxy);

        var allowRule = (string)allowed["decision"]!["rule"]!;
        var blockRule = (string)blocked["decision"]!["rule"]!;
        var allow = $"sqlproxy_decisions_total{{result=\"allow\",rule=\"{allowRule}\"}}";
        var block = $"sqlproxy_decisions_total{{result=\"block\",rule=\"{blockRule}\"}}";
        Assert.Equal(1, after.ValueOf(allow) - before.ValueOf(allow));
        // The dry run decided nothing that was enforced.
        Assert.Equal(1, after.ValueOf(block) - before.ValueOf(block));
    }

    [Fact]
    public async Task The_parse_cache_counts_a_miss_then_hits()
    {
        var sql = $"SELECT id FROM customers WHERE id = {Random.Shared.Next(1_000_000, 9_000_000)}";
        var before = await MetricsScrape.OfAsync(Proxy);
        await Proxy.QueryAsync(DemoKeys.Analyst, sql);
        await Proxy.QueryAsync(DemoKeys.Analyst, sql);
        await Proxy.QueryAsync(DemoKeys.Analyst, sql);
        var after = await MetricsScrape.OfAsync(Proxy);

        Assert.True(after.ValueOf("sqlproxy_parse_cache_misses_total") - before.ValueOf("sqlproxy_parse_cache_misses_total") >= 1);
        Assert.True(after.ValueOf("sqlproxy_parse_cache_hits_total") - before.ValueOf("sqlproxy_parse_cache_hits_total") >= 2);
    }

    [Fact]
    public async Task Rules_reloads_are_counted_by_outcome()
    {
        var swapped = "sqlproxy_rules_reloads_total{outcome=\"swapped\"}";
        var before = await MetricsScrape.OfAsync(Proxy);
        Assert.Contains("sqlproxy_rules_reloads_total{outcome=\"refused\"}", before.Text);
        Assert.Equal(HttpStatusCode.OK, (await Proxy.SendAsync(HttpMethod.Post, "/api/v1/rules/reload", DemoKeys.Admin)).StatusCode);
        var after = await MetricsScrape.OfAsync(Proxy);

        Assert.Equal(1, after.ValueOf(swapped) - before.ValueOf(swapped));
    }

    [Fact]
    public async Task The_pool_of_each_database_reports_its_connections_and_its_maximum()
    {
        Assert.Equal(HttpStatusCode.OK, (await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM customers LIMIT 1")).StatusCode);
        var scrape = await MetricsScrape.OfAsync(Proxy);

        Assert.Contains("sqlproxy_db_pool_connections{database=\"testdb\",state=\"idle\"}", scrape.Text);
        Assert.Contains("sqlproxy_db_pool_connections{database=\"testdb\",state=\"busy\"}", scrape.Text);
        // The query's connection went back to the pool, which keeps it open.
        Assert.True(scrape.SumOf("sqlproxy_db_pool_connections", ("database", "testdb")) >= 1, scrape.Text);
        Assert.Equal(20, scrape.ValueOf("sqlproxy_db_pool_max_connections{database=\"testdb\"}"));
    }
}
