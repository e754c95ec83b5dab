using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>
/// Loaded plugins take part in real queries against the sample database: classifiers label results, policy evaluators
/// block, and a plugin that throws or hangs costs its own call only (an evaluator's fault blocks, failing closed).
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class PluginRequestTests(SampleDatabase sample) : IDisposable
{
    private const string RegionQuery = "SELECT id, region FROM customers ORDER BY id LIMIT 3";
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_classifier_plugin_labels_a_query_after_a_reload_and_its_next_version_replaces_it()
    {
        await using var proxy = await StartAsync("");
        Assert.Null((await QueryAsync(proxy, RegionQuery))["classifications"]!["region"]);

        await plugins.AddAsync(FixturePlugins.LabellerV1, "labeller");
        await ReloadAsync(proxy);
        var first = await QueryAsync(proxy, RegionQuery);

        Directory.Delete(Path.Combine(plugins.Path, "labeller"), recursive: true);
        await plugins.AddAsync(FixturePlugins.LabellerV2, "labeller");
        var listing = await ReloadAsync(proxy);
        var second = await QueryAsync(proxy, RegionQuery);

        Assert.Equal("Fixture.RegionV1", (string?)first["classifications"]!["region"]);
        Assert.Equal("2.0.0", (string?)SamplePluginsToml.FromDirectory(listing)[0]["version"]);
        Assert.Equal("Fixture.RegionV2", (string?)second["classifications"]!["region"]);
        Assert.Equal(3, second["data"]!["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_throwing_classifier_plugin_leaves_the_query_successful()
    {
        await plugins.AddAsync(FixturePlugins.LabellerV1, "labeller");
        await using var proxy = await StartAsync("[plugins.labeller]\nfail = true\n");

        var response = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id, region, email FROM customers ORDER BY id LIMIT 3");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(json["classifications"]!["region"]);
        Assert.Equal("PII.Email", (string?)json["classifications"]!["email"]);
    }

    [Fact]
    public async Task A_blocking_evaluator_plugin_refuses_its_table_and_the_decision_names_it()
    {
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await using var proxy = await StartAsync("[plugins.gatekeeper]\nmode = \"block\"\ntable = \"customers\"\n");

        var blocked = await proxy.QueryAsync(DemoKeys.Analyst, RegionQuery);
        var json = await blocked.JsonAsync();
        var other = await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 1");

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("POLICY_BLOCKED", (string?)json["error_code"]);
        Assert.Equal("BLOCK", (string?)json["decision"]!["verdict"]);
        Assert.Equal("plugin:gatekeeper", (string?)json["decision"]!["rule"]);
        Assert.Equal("table `customers` is closed by the gatekeeper", (string?)json["decision"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("throw", "policy evaluator `table_guard` failed: it threw InvalidOperationException")]
    [InlineData("hang", "policy evaluator `table_guard` failed: it did not answer within 2000 ms (plugins.call_timeout_ms)")]
    public async Task A_failing_evaluator_plugin_blocks_and_the_host_keeps_serving(string mode, string reason)
    {
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await using var proxy = await StartAsync($"[plugins.gatekeeper]\nmode = \"{mode}\"\n");

        var blocked = await proxy.QueryAsync(DemoKeys.Analyst, RegionQuery);
        var json = await blocked.JsonAsync();
        var health = await proxy.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("plugin:gatekeeper", (string?)json["decision"]!["rule"]);
        Assert.Equal(reason, (string?)json["decision"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_evaluator_plugin_that_keeps_failing_is_marked_faulty_still_blocks_and_a_reload_resets_it()
    {
        await plugins.AddAsync(FixturePlugins.Gatekeeper);
        await using var proxy = await StartAsync("[plugins.gatekeeper]\nmode = \"throw\"\n");

        for (var i = 0; i < 5; i++) await proxy.QueryAsync(DemoKeys.Analyst, RegionQuery);
        var listing = await SendAsync(proxy, HttpMethod.Get, "/api/v1/plugins");
        var skipped = await proxy.QueryAsync(DemoKeys.Analyst, RegionQuery);
        var reloaded = await ReloadAsync(proxy);

        Assert.Equal("faulty", (string?)SamplePluginsToml.FromDirectory(listing)[0]["state"]);
        Assert.Equal(HttpStatusCode.Forbidden, skipped.StatusCode);
        Assert.Contains("is faulty and was skipped", (string?)(await skipped.JsonAsync())["decision"]!["reason"]);
        Assert.Equal("loaded", (string?)SamplePluginsToml.FromDirectory(reloaded)[0]["state"]);
    }

    private Task<RunningProxy> StartAsync(string settings) =>
        RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(toml, plugins.Path, settings: settings));

    private static async Task<JsonNode> QueryAsync(RunningProxy proxy, string sql)
    {
        var response = await proxy.QueryAsync(DemoKeys.Analyst, sql);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonNode> ReloadAsync(RunningProxy proxy) => await SendAsync(proxy, HttpMethod.Post, "/api/v1/plugins/reload");

    private static async Task<JsonNode> SendAsync(RunningProxy proxy, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DemoKeys.Admin);
        var response = await proxy.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public void Dispose() => plugins.Dispose();
}
