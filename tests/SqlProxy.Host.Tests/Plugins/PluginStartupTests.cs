using SqlProxy.Host.Commands;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Rules;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>
/// The proxy starts only with plugins that can serve: every built-in one loaded, an audit sink, and rules whose maskers
/// and labels the loaded plugins provide.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class PluginStartupTests(SampleDatabase sample) : IDisposable
{
    private const string RegionMaskRules = """
        rule 'analysts read customers'
        allow select on testdb.public.customers when user has role 'analyst';

        rule 'regions are hidden'
        mask label 'Fixture.RegionV1' with stars when user has role 'analyst';
        """;

    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_built_in_plugin_that_does_not_load_stops_the_start_and_says_why()
    {
        var error = await Assert.ThrowsAsync<PluginStartupException>(() => RunningProxy.StartAsync(sample, toml =>
            System.Text.RegularExpressions.Regex.Replace(toml, "(?m)^hash_key = .*$", "hash_key = \"short\"")));

        Assert.Equal(
            "the built-in plugin `maskers` did not load: it failed with InvalidOperationException: Setting `hash_key` must be at least 16 bytes long, not 5.",
            Assert.Single(error.Reasons));
    }

    [Fact]
    public async Task Without_an_audit_sink_the_proxy_does_not_start()
    {
        var error = await Assert.ThrowsAsync<PluginStartupException>(() => RunningProxy.StartAsync(sample, toml =>
            toml.Replace("path = \"audit.jsonl\"", "")));

        Assert.Contains("no loaded plugin has an audit sink", Assert.Single(error.Reasons));
        Assert.Contains("[plugins.audit_file] path", error.Message);
    }

    [Fact]
    public async Task Serve_exits_2_with_the_reason()
    {
        var directory = Directory.CreateTempSubdirectory("sqlproxy-serve-").FullName;
        var errors = new StringWriter();
        var original = Console.Error;
        try
        {
            var config = Path.Combine(directory, "sqlproxy.toml");
            File.WriteAllText(config, SampleToml.WithServer(SampleToml.Text(), sample.Server).Replace("builtin = true", "builtin = false"));
            Console.SetError(errors);

            var exitCode = await ServeCommand.RunAsync(config, CancellationToken.None);

            Assert.Equal(2, exitCode);
            Assert.StartsWith("the plugins cannot serve:", errors.ToString());
        }
        finally
        {
            Console.SetError(original);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Rules_may_mask_by_a_plugins_label_only_while_it_is_loaded_and_a_reload_that_drops_it_is_refused()
    {
        using var rules = new TemporaryRules(RegionMaskRules);
        var withoutPlugin = await Assert.ThrowsAsync<RulesException>(() => rules.StartProxyAsync(sample, toml => SamplePluginsToml.With(toml, plugins.Path)));
        Assert.Contains(withoutPlugin.Diagnostics, d => d.Message.Contains("Fixture.RegionV1", StringComparison.Ordinal));
        Assert.Contains(withoutPlugin.Diagnostics, d => d.Message.Contains("stars", StringComparison.Ordinal));

        await plugins.AddAsync(FixturePlugins.LabellerV1, "labeller");
        await using var proxy = await rules.StartProxyAsync(sample, toml => SamplePluginsToml.With(toml, plugins.Path));
        var masked = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT region FROM customers ORDER BY id LIMIT 1")).JsonAsync();
        Directory.Delete(Path.Combine(plugins.Path, "labeller"), recursive: true);
        var reload = await proxy.SendAsync(HttpMethod.Post, "/api/v1/plugins/reload", DemoKeys.Admin);
        var stillMasked = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT region FROM customers ORDER BY id LIMIT 1")).JsonAsync();

        Assert.Equal("***", (string?)masked["data"]!["rows"]![0]![0]);
        Assert.Equal(422, (int)reload.StatusCode);
        var json = await reload.JsonAsync();
        Assert.Equal("PLUGINS_REFUSED", (string?)json["error_code"]);
        Assert.Contains(json["errors"].Strings(), e => e.StartsWith("the rules in force would break: ", StringComparison.Ordinal) && e.Contains("Fixture.RegionV1", StringComparison.Ordinal));
        Assert.Equal("labeller", (string?)Assert.Single(SamplePluginsToml.FromDirectory(json["serving"]!))["folder"]);
        Assert.Equal("***", (string?)stillMasked["data"]!["rows"]![0]![0]);
    }

    public void Dispose() => plugins.Dispose();
}
