using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Auth;

/// <summary>A user with <c>allowed_networks</c> is served only from inside them (the tests connect from 127.0.0.1).</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class AllowedNetworksTests(SampleDatabase sample)
{
    [Fact]
    public async Task A_user_outside_its_networks_is_refused_and_audited_and_one_inside_is_served()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml
            .Replace("roles = [\"analyst\", \"readonly\"]", "roles = [\"analyst\", \"readonly\"]\nallowed_networks = [\"10.0.0.0/8\", \"::1/128\"]")
            .Replace("roles = [\"developer\"]", "roles = [\"developer\"]\nallowed_networks = [\"10.0.0.0/8\", \"127.0.0.0/8\"]"));

        var outside = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1");
        var inside = await proxy.QueryAsync(DemoKeys.Developer, "SELECT id FROM orders LIMIT 1");

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var json = await outside.JsonAsync();
        Assert.Equal("ADDRESS_NOT_ALLOWED", (string?)json["error_code"]);
        Assert.Contains("`analyst` may not connect from 127.0.0.1", (string?)json["error_message"]);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);

        var auditId = (string)json["audit_id"]!;
        var record = Assert.Single(await proxy.AuditRecordsAsync(auditId), r => (string?)r["audit_id"] == auditId);
        Assert.Equal("analyst", (string?)record["user"]);
        Assert.Equal("ADDRESS_NOT_ALLOWED", (string?)record["error_code"]);
    }

    [Fact]
    public async Task An_admin_user_outside_its_networks_cannot_use_the_admin_endpoints_but_the_admin_token_can()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml
            .Replace("roles = [\"admin\"]", "roles = [\"admin\"]\nallowed_networks = [\"192.168.0.0/16\"]"));

        var byUser = await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", DemoKeys.Admin);
        var byToken = await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", AdminTokenTests.Token);

        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        Assert.Equal("ADDRESS_NOT_ALLOWED", (string?)(await byUser.JsonAsync())["error_code"]);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
    }
}
