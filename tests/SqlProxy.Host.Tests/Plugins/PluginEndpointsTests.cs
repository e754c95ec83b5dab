using System.Net;
using System.Net.Http.Headers;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary><c>GET /api/v1/plugins</c> and <c>POST /api/v1/plugins/reload</c> on a running proxy: admins only.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class PluginEndpointsTests(SampleDatabase sample) : IDisposable
{
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task An_admin_lists_the_loaded_plugins_and_the_failed_folders()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await plugins.AddAsync(FixturePlugins.Twins);
        await using var proxy = await StartAsync();

        var response = await SendAsync(proxy, HttpMethod.Get, "/api/v1/plugins", DemoKeys.Admin);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["audit_file", "audit_postgres", "audit_webhook", "maskers", "pii"], json["plugins"]!.AsArray().Where(p => (string?)p!["source"] == "builtin").Select(p => (string?)p!["name"]));
        var plugin = SamplePluginsToml.FromDirectory(json).Single();
        Assert.Equal(("fixture_good", "1.2.3", "good", "loaded"),
            ((string?)plugin["name"], (string?)plugin["version"], (string?)plugin["folder"], (string?)plugin["state"]));
        Assert.Equal(["classifier"], plugin["kinds"].Strings());
        Assert.NotNull((DateTimeOffset?)plugin["loaded_at"]);
        var failure = json["failures"]!.AsArray().Single()!;
        Assert.Equal("twins", (string?)failure["folder"]);
        Assert.Contains("2 public classes implementing IPlugin", (string?)failure["reason"]);
    }

    [Fact]
    public async Task A_reload_answers_the_new_listing()
    {
        await using var proxy = await StartAsync();
        Assert.Empty(SamplePluginsToml.FromDirectory(await (await SendAsync(proxy, HttpMethod.Get, "/api/v1/plugins", DemoKeys.Admin)).JsonAsync()));
        await plugins.AddAsync(FixturePlugins.Good);

        var response = await SendAsync(proxy, HttpMethod.Post, "/api/v1/plugins/reload", DemoKeys.Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fixture_good", (string?)SamplePluginsToml.FromDirectory(await response.JsonAsync()).Single()["name"]);
    }

    [Fact]
    public async Task With_watch_on_a_new_folder_is_loaded_without_a_request()
    {
        await using var proxy = await StartAsync(watch: true);

        await plugins.AddAsync(FixturePlugins.Good);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var names = Array.Empty<string>();
        while (names.Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            var json = await (await SendAsync(proxy, HttpMethod.Get, "/api/v1/plugins", DemoKeys.Admin)).JsonAsync();
            names = SamplePluginsToml.FromDirectory(json).Select(p => (string?)p["name"] ?? "").ToArray();
        }
        Assert.Equal(["fixture_good"], names);
    }

    [Theory]
    [InlineData("GET", "/api/v1/plugins")]
    [InlineData("POST", "/api/v1/plugins/reload")]
    public async Task Others_are_refused(string method, string path)
    {
        await using var proxy = await StartAsync();

        var forbidden = await SendAsync(proxy, new HttpMethod(method), path, DemoKeys.Analyst);
        var unauthenticated = await SendAsync(proxy, new HttpMethod(method), path, null);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)(await forbidden.JsonAsync())["error_code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private Task<RunningProxy> StartAsync(bool watch = false) =>
        RunningProxy.StartAsync(sample, toml => SamplePluginsToml.With(toml, plugins.Path, watch));

    private static Task<HttpResponseMessage> SendAsync(RunningProxy proxy, HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return proxy.Client.SendAsync(request);
    }

    public void Dispose() => plugins.Dispose();
}
