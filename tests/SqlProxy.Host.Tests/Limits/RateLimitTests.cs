using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>Request rates per user and for everyone: past the burst, 429 RATE_LIMITED with Retry-After, audited with its user.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RateLimitTests(SampleDatabase sample)
{
    private const string Sql = "SELECT id FROM orders LIMIT 1";

    private Task<RunningProxy> StartAsync(string limits) =>
        RunningProxy.StartAsync(sample, toml => toml.Replace("parse_cache_entries = 10000", "parse_cache_entries = 10000\n" + limits));

    [Fact]
    public async Task A_user_past_its_burst_is_refused_until_a_token_is_back_while_other_users_are_not()
    {
        // One token every 5 s: the fourth quick request cannot have one.
        await using var proxy = await StartAsync("requests_per_second_per_user = 0.2\nburst_per_user = 3");

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);
        var fourth = await proxy.QueryAsync(DemoKeys.Analyst, Sql);
        var otherUser = await proxy.QueryAsync(DemoKeys.Developer, Sql);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        var json = await fourth.JsonAsync();
        Assert.Equal("RATE_LIMITED", (string?)json["error_code"]);
        Assert.Contains("user `analyst`", (string?)json["error_message"]);
        var retryAfter = fourth.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);

        var auditId = (string)json["audit_id"]!;
        var record = Assert.Single(await proxy.AuditRecordsAsync(auditId), r => (string?)r["audit_id"] == auditId);
        Assert.Equal("analyst", (string?)record["user"]);
        Assert.Equal("RATE_LIMITED", (string?)record["error_code"]);
        Assert.Equal("REJECTED", (string?)record["outcome"]);
    }

    [Fact]
    public async Task The_global_rate_counts_every_user_together()
    {
        await using var proxy = await StartAsync("requests_per_second = 0.2\nburst = 2");

        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Developer, Sql)).StatusCode);
        var third = await proxy.QueryAsync(DemoKeys.Admin, Sql);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var json = await third.JsonAsync();
        Assert.Equal("RATE_LIMITED", (string?)json["error_code"]);
        Assert.Contains("global rate limit", (string?)json["error_message"]);
        Assert.True(third.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Tokens_come_back_at_the_configured_rate()
    {
        // 10 a second, a burst of 1: a refused request is served again once the Retry-After has passed.
        await using var proxy = await StartAsync("requests_per_second_per_user = 10\nburst_per_user = 1");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(150);
            status = (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
