using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Auth;

/// <summary>
/// Repeated failed authentications from one address lock it out of every endpoint that authenticates, before any key
/// is looked at, for a time that doubles with each further lockout.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class LockoutTests(SampleDatabase sample)
{
    private const string BadKey = "sk-guessed-key";

    private Task<RunningProxy> StartAsync() => RunningProxy.StartAsync(sample, toml => toml.Replace(
        "parse_cache_entries = 10000",
        "parse_cache_entries = 10000\nauth_failures_before_lockout = 5\nauth_failure_window_seconds = 60\nlockout_seconds = 1\nmax_lockout_seconds = 8"));

    [Fact]
    public async Task Five_bad_credentials_lock_the_address_even_for_a_good_key_and_the_next_lockout_is_twice_as_long()
    {
        await using var proxy = await StartAsync();

        // Wrong credentials count on the query API and the admin endpoints alike.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(BadKey, "SELECT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", BadKey)).StatusCode);
        var fifth = await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", BadKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);

        var good = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1");
        var admin = await proxy.SendAsync(HttpMethod.Post, "/api/v1/rules/reload", AdminTokenTests.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode);
        var json = await good.JsonAsync();
        Assert.Equal("LOCKED_OUT", (string?)json["error_code"]);
        Assert.Equal(TimeSpan.FromSeconds(1), good.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, admin.StatusCode);
        Assert.Equal("LOCKED_OUT", (string?)(await admin.JsonAsync())["error_code"]);
        Assert.NotNull(admin.Headers.RetryAfter?.Delta);

        // The refusal is audited, without a user: the key was never looked at.
        var auditId = (string)json["audit_id"]!;
        var record = Assert.Single(await proxy.AuditRecordsAsync(auditId), r => (string?)r["audit_id"] == auditId);
        Assert.Equal("LOCKED_OUT", (string?)record["error_code"]);
        Assert.Null(record["user"]);

        await WaitUntilServedAsync(proxy);
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(BadKey, "SELECT 1")).StatusCode);
        var again = await proxy.QueryAsync(BadKey, "SELECT 1");

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("LOCKED_OUT", (string?)(await again.JsonAsync())["error_code"]);
        Assert.Equal(TimeSpan.FromSeconds(2), again.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
    }

    [Fact]
    public async Task A_good_key_clears_the_failure_count()
    {
        await using var proxy = await StartAsync();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(BadKey, "SELECT 1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
        }
    }

    [Fact]
    public async Task A_missing_credential_is_not_a_guess()
    {
        await using var proxy = await StartAsync();

        for (var i = 0; i < 8; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(null, "SELECT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
    }

    /// <summary>Polls with a good key until the lockout has passed (it is 1 s; the bound is generous).</summary>
    private static async Task WaitUntilServedAsync(RunningProxy proxy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1");
            if (response.StatusCode == HttpStatusCode.OK) return;
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "the lockout did not pass");
            await Task.Delay(100);
        }
    }
}
