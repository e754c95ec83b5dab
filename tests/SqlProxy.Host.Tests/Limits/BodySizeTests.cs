using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Limits;

/// <summary><c>server.max_body_bytes</c>: a larger body is refused with 413 and the API's JSON error, not Kestrel's empty answer.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class BodySizeTests(SampleDatabase sample)
{
    [Fact]
    public async Task A_body_over_the_limit_answers_413_with_a_json_error()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("max_body_bytes = 1048576", "max_body_bytes = 1024"));
        var sql = "SELECT 1 -- " + new string('x', 4096);

        var response = await proxy.PostAsync(DemoKeys.Analyst, RunningProxy.RawJson($$"""{"database":"testdb","sql":"{{sql}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.JsonAsync();
        Assert.Equal("BODY_TOO_LARGE", (string?)json["error_code"]);
        Assert.False((bool)json["success"]!);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1")).StatusCode);
    }
}
