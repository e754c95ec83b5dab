using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SqlProxy.Host.Tests.Support;
using Xunit.Abstractions;

namespace SqlProxy.Host.Tests.Plugins.Proof;

/// <summary>
/// The sample plugin samples/plugins/NationalId, published once per class against the freshly packed SDK (v1 as
/// shipped; v2 on first use: version 2.0.0 and the label <c>PII.NationalId.V2</c>, edited in a copy of its source).
/// </summary>
public sealed class PublishedNationalId : IAsyncLifetime
{
    public const string V2Label = "PII.NationalId.V2";

    private readonly SamplePluginBuild build = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? v2;

    public string V1 { get; private set; } = "";

    public TimeSpan V1BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        V1 = await build.PublishAsync("v1");
        V1BuildTime = clock.Elapsed;
    }

    /// <summary>Version 2, published on first use.</summary>
    public async Task<string> V2Async()
    {
        await gate.WaitAsync();
        try
        {
            return v2 ??= await build.PublishAsync("v2", new Dictionary<string, (string, string)>
            {
                ["NationalIdPlugin.cs"] = ("public string Version => \"1.0.0\";", "public string Version => \"2.0.0\";"),
                ["NationalIdLabels.cs"] = ("public const string NationalId = \"PII.NationalId\";", $"public const string NationalId = \"{V2Label}\";"),
            });
        }
        finally
        {
            gate.Release();
        }
    }

    public string Log => build.Log.ToString();

    public Task DisposeAsync()
    {
        build.Dispose();
        gate.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// SLOW (packs the SDK and publishes the sample plugin with `dotnet`, about 10–30 s once per class): the proof.
/// The sample plugin, built like a third party's, is copied into a running proxy's plugin directory, loaded by
/// <c>POST /api/v1/plugins/reload</c>, and labels a real query's column; its next version replaces it and the change
/// shows; and a plugin the rules in force use cannot be taken away.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SampleDatabaseCollection.Name)]
public sealed class SamplePluginEndToEndTests(SampleDatabase sample, PublishedNationalId plugin, ITestOutputHelper output)
    : IClassFixture<PublishedNationalId>, IDisposable
{
    private const string Folder = "national-id";
    private const string Label = "PII.NationalId";

    // samples/db holds no BSNs: three orders (which analysts may read) carry one each (all pass the 11-proof), under a
    // name that says nothing, so only the values can tell. Nine bare digits are neither a phone nor an SSN for the
    // built-in classifier.
    private const string BsnQuery =
        "SELECT id, CASE id % 3 WHEN 0 THEN '111222333' WHEN 1 THEN '123456782' ELSE '999999990' END AS ref FROM orders ORDER BY id LIMIT 3";

    private static readonly string[] Bsns = ["111222333", "123456782", "999999990"];

    private readonly string plugins = Directory.CreateTempSubdirectory("sqlproxy-proof-plugins-").FullName;

    [Fact]
    public async Task The_published_sample_is_loaded_by_a_reload_labels_a_real_query_and_its_next_version_replaces_it()
    {
        output.WriteLine($"v1 packed and published in {plugin.V1BuildTime.TotalSeconds:0.0} s");
        var files = Directory.GetFiles(plugin.V1).Select(Path.GetFileName).ToArray();
        Assert.Contains("NationalId.dll", files);
        Assert.Contains("NationalId.deps.json", files);
        Assert.DoesNotContain("SqlProxy.Sdk.dll", files);

        await using var proxy = await RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(toml, plugins));
        var before = await QueryAsync(proxy, BsnQuery);
        Assert.Null((string?)before["classifications"]!["ref"]);

        // v1: copied in, reloaded, listed, and labelling the column by its values.
        SamplePluginBuild.Install(plugin.V1, plugins, Folder);
        var first = await SendAsync(proxy, HttpMethod.Post, "/api/v1/plugins/reload");
        Assert.Empty(first["failures"]!.AsArray());
        var loaded = Assert.Single(SamplePluginsToml.FromDirectory(first));
        Assert.Equal(("national_id", "1.0.0", "directory", Folder, "loaded"),
            ((string?)loaded["name"], (string?)loaded["version"], (string?)loaded["source"], (string?)loaded["folder"], (string?)loaded["state"]));
        Assert.Equal(["classifier", "masker"], loaded["kinds"].Strings().Order());
        Assert.Equal(first["plugins"]!.ToJsonString(), (await SendAsync(proxy, HttpMethod.Get, "/api/v1/plugins"))["plugins"]!.ToJsonString());
        var labelled = await QueryAsync(proxy, BsnQuery);
        Assert.Equal(Label, (string?)labelled["classifications"]!["ref"]);
        Assert.Equal(Bsns, Refs(labelled).Order());

        // v2: the folder replaced (deleted, then copied), reloaded; the new version and its new label show.
        var v2 = await plugin.V2Async();
        Assert.DoesNotContain("SqlProxy.Sdk.dll", Directory.GetFiles(v2).Select(Path.GetFileName));
        Directory.Delete(Path.Combine(plugins, Folder), recursive: true);
        SamplePluginBuild.Install(v2, plugins, Folder);
        var second = await SendAsync(proxy, HttpMethod.Post, "/api/v1/plugins/reload");
        var replaced = Assert.Single(SamplePluginsToml.FromDirectory(second));
        Assert.Equal(("national_id", "2.0.0", "loaded"), ((string?)replaced["name"], (string?)replaced["version"], (string?)replaced["state"]));
        Assert.True((DateTimeOffset)replaced["loaded_at"]! >= (DateTimeOffset)loaded["loaded_at"]!);
        var relabelled = await QueryAsync(proxy, BsnQuery);
        Assert.Equal(PublishedNationalId.V2Label, (string?)relabelled["classifications"]!["ref"]);
        output.WriteLine(plugin.Log);
    }

    [Fact]
    public async Task A_plugin_whose_label_and_masker_the_rules_use_cannot_be_removed_and_keeps_masking()
    {
        using var rules = new TemporaryRules("""
            rule 'analysts read testdb'
            allow select on testdb when user has role 'analyst';

            rule 'admins do everything'
            allow all on * when user has role 'admin';
            """);
        SamplePluginBuild.Install(plugin.V1, plugins, Folder);
        await using var proxy = await RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(toml, plugins), rules.Directory);
        Assert.Equal(Label, (string?)(await QueryAsync(proxy, BsnQuery))["classifications"]!["ref"]);

        // The rules now mask the plugin's label with the plugin's masker.
        await File.AppendAllTextAsync(Path.Combine(rules.Directory, "test.rules"), """


            rule 'national ids show their last digits'
            mask label 'PII.NationalId' with national_id(keep_last = 3) when user has role 'analyst';
            """);
        var rulesReload = await SendRawAsync(proxy, HttpMethod.Post, "/api/v1/rules/reload");
        Assert.True(rulesReload.StatusCode == HttpStatusCode.OK, await rulesReload.Content.ReadAsStringAsync());
        var masked = await QueryAsync(proxy, BsnQuery);
        Assert.Equal(["******333", "******782", "******990"], Refs(masked).Order());
        Assert.Equal(["ref"], masked["masked_columns"].Strings());
        Assert.Equal("national_id", (string?)masked["masks"]![0]!["masker"]);

        // Taking the plugin away would break those rules: the reload is refused and the old set keeps serving.
        Directory.Delete(Path.Combine(plugins, Folder), recursive: true);
        var refused = await SendRawAsync(proxy, HttpMethod.Post, "/api/v1/plugins/reload");
        var body = await refused.Content.ReadAsStringAsync();
        output.WriteLine(body);
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("PLUGINS_REFUSED", (string?)json["error_code"]);
        Assert.NotEmpty(json["errors"].Strings());
        Assert.All(json["errors"].Strings(), error => Assert.StartsWith("the rules in force would break:", error));
        Assert.Contains(json["errors"].Strings(), error => error.Contains("national_id", StringComparison.Ordinal));
        Assert.Equal("national_id", (string?)Assert.Single(SamplePluginsToml.FromDirectory(json["serving"]!))["name"]);
        Assert.Equal("national_id", (string?)Assert.Single(SamplePluginsToml.FromDirectory(await SendAsync(proxy, HttpMethod.Get, "/api/v1/plugins")))["name"]);
        var stillMasked = await QueryAsync(proxy, BsnQuery);
        Assert.Equal(["******333", "******782", "******990"], Refs(stillMasked).Order());
        Assert.Equal(Label, (string?)stillMasked["classifications"]!["ref"]);
    }

    private static IEnumerable<string?> Refs(JsonNode response)
    {
        Assert.Equal(["id", "ref"], response["data"]!["columns"].Strings());
        return response["data"]!["rows"]!.AsArray().Select(row => (string?)row![1]);
    }

    private static async Task<JsonNode> QueryAsync(RunningProxy proxy, string sql)
    {
        var response = await proxy.QueryAsync(DemoKeys.Analyst, sql);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sql}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> SendAsync(RunningProxy proxy, HttpMethod method, string path)
    {
        var response = await SendRawAsync(proxy, method, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static Task<HttpResponseMessage> SendRawAsync(RunningProxy proxy, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DemoKeys.Admin);
        return proxy.Client.SendAsync(request);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(plugins, recursive: true);
        }
        catch (IOException)
        {
            // Nothing should hold these files (plugins load in memory); a temporary directory left behind is harmless.
        }
    }
}
