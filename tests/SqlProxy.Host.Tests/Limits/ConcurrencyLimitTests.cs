using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>
/// <c>max_concurrent_per_user</c>: a user's request past its statements in flight is refused (429 TOO_MANY_CONCURRENT),
/// other users are not, and the slot comes back when the request ends however it ends.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class ConcurrencyLimitTests(SampleDatabase sample)
{
    private Task<RunningProxy> StartAsync() =>
        RunningProxy.StartAsync(sample, toml => toml.Replace("parse_cache_entries = 10000", "parse_cache_entries = 10000\nmax_concurrent_per_user = 1"));

    [Fact]
    public async Task A_second_statement_of_a_user_while_one_runs_is_refused()
    {
        await using var proxy = await StartAsync();

        var slow = proxy.QueryAsync(DemoKeys.Admin, "SELECT pg_sleep(2) AS first_sleeper");
        await PgActivity.WaitForRunningAsync(sample.Server, "first_sleeper");
        var second = await proxy.QueryAsync(DemoKeys.Admin, "SELECT pg_sleep(2) AS second_sleeper");
        var otherUser = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var json = await second.JsonAsync();
        Assert.Equal("TOO_MANY_CONCURRENT", (string?)json["error_code"]);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await slow).StatusCode);

        // The slot is free again once the first request has ended.
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1")).StatusCode);
    }

    [Fact]
    public async Task The_slot_is_released_after_a_failed_and_after_a_cancelled_request()
    {
        await using var proxy = await StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1/0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1")).StatusCode);

        using var cancel = new CancellationTokenSource();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/query")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { database = "testdb", sql = "SELECT pg_sleep(30) AS abandoned_sleeper" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DemoKeys.Admin);
        var abandoned = proxy.Client.SendAsync(request, cancel.Token);
        await PgActivity.WaitForRunningAsync(sample.Server, "abandoned_sleeper");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        // The proxy notices the client has gone and cancels the statement; the slot must come back.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            status = (await proxy.QueryAsync(DemoKeys.Admin, "SELECT 1")).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(100);
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
