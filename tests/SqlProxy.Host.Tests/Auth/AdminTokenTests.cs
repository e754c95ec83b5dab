using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Auth;

/// <summary>
/// The admin token of <c>[admin] token_sha256</c> (the sample's is sk-admin-token-demo) opens the admin endpoints, and
/// nothing else: it is not a user. A user key with the role admin keeps working there.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class AdminTokenTests(SampleDatabase sample)
{
    public const string Token = "sk-admin-token-demo";

    private RunningProxy Proxy => sample.Proxy;

    [Theory]
    [InlineData("POST", "/api/v1/rules/reload")]
    [InlineData("POST", "/policies/reload")]
    [InlineData("GET", "/api/v1/plugins")]
    [InlineData("POST", "/api/v1/plugins/reload")]
    public async Task The_admin_token_and_an_admin_user_open_the_admin_endpoints(string method, string path)
    {
        // Its own proxy: reloads would otherwise touch the one the collection shares.
        await using var proxy = await RunningProxy.StartAsync(sample);
        var byToken = await proxy.SendAsync(new HttpMethod(method), path, Token);
        var byAdminUser = await proxy.SendAsync(new HttpMethod(method), path, DemoKeys.Admin);

        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.True((bool)(await byToken.JsonAsync())["success"]!);
        Assert.Equal(HttpStatusCode.OK, byAdminUser.StatusCode);
    }

    [Fact]
    public async Task The_audit_api_takes_the_admin_token_past_authentication()
    {
        // The sample has no audit_postgres sink: getting as far as "unavailable" proves the token was accepted.
        var response = await Proxy.SendAsync(HttpMethod.Get, "/api/v1/audit", Token);
        Assert.Equal("AUDIT_QUERY_UNAVAILABLE", (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task The_admin_token_is_not_a_user_and_wrong_credentials_are_refused()
    {
        // Its own proxy: wrong credentials count toward the lockout of 127.0.0.1.
        await using var proxy = await RunningProxy.StartAsync(sample);

        var query = await proxy.QueryAsync(Token, "SELECT 1");
        var wrong = await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", Token + "x");
        var analyst = await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", DemoKeys.Analyst);

        Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)(await query.JsonAsync())["error_code"]);
        Assert.Equal("Bearer", query.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var json = await wrong.JsonAsync();
        Assert.Equal("UNAUTHENTICATED", (string?)json["error_code"]);
        Assert.Contains("API key or admin token", (string?)json["error_message"]);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)(await analyst.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task Without_an_admin_section_the_token_opens_nothing()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("[admin]\ntoken_sha256", "# [admin]\n# token_sha256"));
        var response = await proxy.SendAsync(HttpMethod.Post, "/api/v1/rules/reload", Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
