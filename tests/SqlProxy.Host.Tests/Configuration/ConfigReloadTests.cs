using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SqlProxy.Host.Tests.Support;

// Not SqlProxy.Host.Tests.Configuration: that namespace would hide SqlProxy.Host.Configuration from `Configuration.X` in sibling namespaces.
namespace SqlProxy.Host.Tests.ConfigurationReload;

/// <summary>
/// <c>POST /api/v1/config/reload</c> on a real proxy: the file it started with is read again; users, the admin token
/// and traffic limits change live, other keys are reported as needing a restart, and a bad file changes nothing.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class ConfigReloadTests(SampleDatabase sample)
{
    public const string Path = "/api/v1/config/reload";

    private const string Sql = "SELECT id FROM orders LIMIT 1";

    private const string NewcomerKey = "sk-newcomer-reload-key";

    /// <summary>A user like the sample's analyst, with its own key.</summary>
    public static readonly string Newcomer = $$"""

        [[users]]
        name = "newcomer"
        api_key_sha256 = "{{Sha256(NewcomerKey)}}"
        roles = ["analyst", "readonly"]
        attributes = { region = "north" }

        """;

    [Fact]
    public async Task An_unchanged_file_reloads_with_nothing_applied_and_nothing_to_restart()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);

        // The file's ${SQLPROXY_DB_*} are set only in the start-up's lookup: a reload that used the process environment would fail.
        var json = await ReloadAsync(proxy, HttpStatusCode.OK);

        Assert.True((bool)json["success"]!);
        Assert.Empty(json["applied"]!.AsArray());
        Assert.Empty(json["restart_required"]!.AsArray());
    }

    [Fact]
    public async Task A_user_added_to_the_file_can_query_and_a_removed_one_cannot()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(NewcomerKey, Sql)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(DemoKeys.Auditor, Sql)).StatusCode);

        Edit(proxy, toml => WithoutAuditor(toml) + Newcomer);
        var json = await ReloadAsync(proxy, HttpStatusCode.OK);

        Assert.Equal(["users"], Strings(json["applied"]));
        Assert.Empty(json["restart_required"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(NewcomerKey, Sql)).StatusCode);
        var auditor = await proxy.QueryAsync(DemoKeys.Auditor, Sql);
        Assert.Equal(HttpStatusCode.Unauthorized, auditor.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)(await auditor.JsonAsync())["error_code"]);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);
    }

    [Theory]
    [InlineData("[server]", "[server]\ncolour = \"blue\"", "server.colour: is not a known setting")]
    [InlineData("max_rows = 10000", "max_rows = 0", "databases[0].max_rows")]
    [InlineData("[admin]", "[admin\n", "not valid TOML")]
    [InlineData("api_key_sha256 = \"60f481b2c1f6cde012c8ef8db1b75556654a2416661b9a39dc1cd14ff987db51\"", "api_key_sha256 = \"abc\"", "users[0].api_key_sha256: must be 64 hexadecimal characters")]
    public async Task A_bad_file_is_refused_with_every_error_and_the_old_configuration_keeps_serving(string find, string replace, string expectedError)
    {
        await using var proxy = await RunningProxy.StartAsync(sample);

        // The same file also adds a user: had anything been applied, its key would work.
        Edit(proxy, toml => WithoutAuditor(toml).Replace(find, replace, StringComparison.Ordinal) + Newcomer);
        var json = await ReloadAsync(proxy, (HttpStatusCode)422);

        Assert.False((bool)json["success"]!);
        Assert.Equal("CONFIG_INVALID", (string?)json["error_code"]);
        var errors = Strings(json["errors"]);
        Assert.Contains(errors, e => e.Contains(expectedError, StringComparison.Ordinal));
        Assert.Empty(json["applied"]!.AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(NewcomerKey, Sql)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(DemoKeys.Auditor, Sql)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);
    }

    [Fact]
    public async Task Every_error_of_a_bad_file_is_listed_with_its_key()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);

        Edit(proxy, toml => toml.Replace("max_rows = 10000", "max_rows = 0", StringComparison.Ordinal)
            .Replace("[server]", "[server]\ncolour = \"blue\"", StringComparison.Ordinal));
        var errors = Strings((await ReloadAsync(proxy, (HttpStatusCode)422))["errors"]);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("databases[0].max_rows: ", StringComparison.Ordinal));
        Assert.Contains("server.colour: is not a known setting", errors);
    }

    [Fact]
    public async Task A_changed_database_setting_is_reported_as_needing_a_restart_and_not_applied()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);

        Edit(proxy, toml => toml.Replace("max_rows = 10000", "max_rows = 1", StringComparison.Ordinal));
        var json = await ReloadAsync(proxy, HttpStatusCode.OK);

        Assert.True((bool)json["success"]!);
        Assert.Empty(json["applied"]!.AsArray());
        Assert.Equal(["databases[0].max_rows"], Strings(json["restart_required"]));
        // Still the start-up's 10000 rows: three come back, not one.
        var rows = await (await proxy.QueryAsync(DemoKeys.Admin, "SELECT id FROM orders ORDER BY id LIMIT 3")).JsonAsync();
        Assert.Equal(3, rows["data"]!["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task New_rate_limits_apply_to_the_next_request()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);

        // One token every 50 s and a burst of 2: the third quick request cannot have one.
        Edit(proxy, toml => toml.Replace("parse_cache_entries = 10000", "parse_cache_entries = 10000\nrequests_per_second_per_user = 0.02\nburst_per_user = 2", StringComparison.Ordinal));
        var json = await ReloadAsync(proxy, HttpStatusCode.OK);

        Assert.Equal(["limits.requests_per_second_per_user", "limits.burst_per_user"], Strings(json["applied"]));
        Assert.Empty(json["restart_required"]!.AsArray());
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Analyst, Sql)).StatusCode);
        var third = await proxy.QueryAsync(DemoKeys.Analyst, Sql);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("RATE_LIMITED", (string?)(await third.JsonAsync())["error_code"]);
        Assert.Equal(HttpStatusCode.OK, (await proxy.QueryAsync(DemoKeys.Developer, Sql)).StatusCode);
    }

    [Fact]
    public async Task A_new_admin_token_replaces_the_old_one()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        const string newToken = "sk-rotated-admin-token";

        Edit(proxy, toml => toml.Replace(Sha256(Auth.AdminTokenTests.Token), Sha256(newToken), StringComparison.Ordinal));
        var json = await ReloadAsync(proxy, HttpStatusCode.OK, Auth.AdminTokenTests.Token);

        Assert.Equal(["admin"], Strings(json["applied"]));
        Assert.Equal(HttpStatusCode.OK, (await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", newToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.SendAsync(HttpMethod.Get, "/api/v1/plugins", Auth.AdminTokenTests.Token)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_may_reload()
    {
        await using var proxy = await RunningProxy.StartAsync(sample);
        Edit(proxy, toml => toml + Newcomer);

        var byAnalyst = await proxy.SendAsync(HttpMethod.Post, Path, DemoKeys.Analyst);
        var anonymous = await proxy.SendAsync(HttpMethod.Post, Path, null);

        Assert.Equal(HttpStatusCode.Forbidden, byAnalyst.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)(await byAnalyst.JsonAsync())["error_code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.QueryAsync(NewcomerKey, Sql)).StatusCode);
    }

    [Fact]
    public async Task The_endpoint_is_documented_with_examples()
    {
        var document = JsonNode.Parse(await sample.Proxy.Client.GetStringAsync("/openapi/v1.json"))!;
        var operation = document["paths"]![Path]!["post"]!;

        Assert.Equal("ReloadConfig", (string?)operation["operationId"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]));
        foreach (var status in new[] { "200", "403", "422" })
            Assert.NotNull(operation["responses"]![status]!["content"]!["application/json"]!["example"]);
    }

    internal static void Edit(RunningProxy proxy, Func<string, string> edit) =>
        File.WriteAllText(proxy.ConfigPath, edit(File.ReadAllText(proxy.ConfigPath)));

    internal static async Task<JsonObject> ReloadAsync(RunningProxy proxy, HttpStatusCode expected, string key = DemoKeys.Admin)
    {
        var response = await proxy.SendAsync(HttpMethod.Post, Path, key);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    /// <summary>The file without the sample's user <c>auditor</c>.</summary>
    private static string WithoutAuditor(string toml)
    {
        var auditor = $"[[users]]\nname = \"auditor\"\napi_key_sha256 = \"{Sha256(DemoKeys.Auditor)}\"\nroles = [\"auditor\", \"readonly\"]\n";
        Assert.Contains(auditor, toml);
        return toml.Replace(auditor, "", StringComparison.Ordinal);
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToList();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
