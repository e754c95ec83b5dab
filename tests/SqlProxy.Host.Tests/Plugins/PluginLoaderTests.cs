using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>Loading real plugin assemblies: each folder in its own context; a bad folder is reported and the rest load.</summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_valid_plugin_loads_and_its_classifier_works_through_the_catalog()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await using var catalog = plugins.Catalog(new Dictionary<string, PluginSettings> { ["fixture_good"] = PluginDirectory.Settings("label", "PII.Custom") });

        var reload = await catalog.ReloadAsync(CancellationToken.None);

        var plugin = Assert.Single(reload.Serving.Plugins);
        Assert.Equal(("fixture_good", "1.2.3", "good", "loaded"), (plugin.Name, plugin.Version, plugin.Folder, plugin.State));
        Assert.Equal(["classifier"], plugin.Kinds);
        Assert.Empty(reload.Serving.Failures);
        using var lease = catalog.Acquire();
        var classifier = Assert.Single(lease.Snapshot.Classifiers);
        var found = await classifier.ClassifyAsync(
            new ResultSample([new ResultColumn("name", "text", []), new ResultColumn("national_id", "text", [])], []), CancellationToken.None);
        Assert.Equal([new ColumnClassification(1, "PII.Custom", "column name")], found);
    }

    [Fact]
    public async Task Broken_folders_are_reported_with_their_reason_and_the_others_load()
    {
        await plugins.AddAsync(FixturePlugins.Good, "a-good");
        await plugins.AddAsync(FixturePlugins.Good, "b-same-name");
        await plugins.AddAsync(FixturePlugins.Twins);
        Directory.CreateDirectory(Path.Combine(plugins.Path, "empty"));
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(plugins.Path, "not-dotnet")).FullName, "native.dll"), "not an assembly");
        await using var catalog = plugins.Catalog();

        var snapshot = (await catalog.ReloadAsync(CancellationToken.None)).Serving;

        Assert.Equal(["a-good"], snapshot.Plugins.Select(p => p.Folder));
        Assert.Equal(
            [
                new PluginFailure("b-same-name", "the plugin name `fixture_good` is already taken by the plugin in directory folder `a-good`"),
                new PluginFailure("empty", "the folder holds no .dll"),
                new PluginFailure("not-dotnet", "no assembly in the folder references SqlProxy.Sdk, so none can hold a plugin"),
                new PluginFailure("twins", "`twins.dll` has 2 public classes implementing IPlugin (`Fixture.Twins.First`, `Fixture.Twins.Second`), but a plugin assembly has exactly one"),
            ],
            snapshot.Failures);
    }

    [Fact]
    public async Task A_plugin_built_against_another_SDK_major_is_refused_before_it_loads()
    {
        await plugins.AddAsync(FixturePlugins.FromTheFuture);
        await using var catalog = plugins.Catalog();

        var snapshot = (await catalog.ReloadAsync(CancellationToken.None)).Serving;

        Assert.Empty(snapshot.Plugins);
        Assert.Equal(
            new PluginFailure("future", "`future.dll` cannot load: it is built against SqlProxy.Sdk 2.0 but this host has SqlProxy.Sdk 1.2, and a plugin needs SqlProxy.Sdk 1.x no newer than 1.2"),
            Assert.Single(snapshot.Failures));
    }

    [Fact]
    public async Task A_plugin_whose_CreateExtensions_throws_is_reported_with_its_message()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await using var catalog = plugins.Catalog(new Dictionary<string, PluginSettings> { ["fixture_good"] = PluginDirectory.Settings("fail", true) });

        var snapshot = (await catalog.ReloadAsync(CancellationToken.None)).Serving;

        Assert.Equal(new PluginFailure("good", "it failed with InvalidOperationException: Setting `fail` is true."), Assert.Single(snapshot.Failures));
    }

    [Fact]
    public async Task A_plugin_whose_CreateExtensions_hangs_is_abandoned_at_the_timeout()
    {
        await plugins.AddAsync(FixturePlugins.Good, "hangs");
        await plugins.AddAsync(FixturePlugins.Twins);
        await using var catalog = plugins.Catalog(new Dictionary<string, PluginSettings> { ["fixture_good"] = PluginDirectory.Settings("hang", true) }, callTimeoutMs: 200);

        var snapshot = (await catalog.ReloadAsync(CancellationToken.None)).Serving;

        Assert.Equal(
            new PluginFailure("hangs", "plugin `fixture_good` creating its extensions did not finish within 200 ms (plugins.call_timeout_ms)"),
            snapshot.Failures[0]);
        Assert.Equal("twins", snapshot.Failures[1].Folder);
    }

    [Fact]
    public async Task Without_a_directory_no_plugins_load()
    {
        await using var catalog = new PluginCatalog(
            SqlProxy.Host.Configuration.PluginsConfig.Default with { BuiltInDirectory = null }, Microsoft.Extensions.Logging.Abstractions.NullLogger<PluginCatalog>.Instance);

        var snapshot = (await catalog.ReloadAsync(CancellationToken.None)).Serving;

        Assert.Empty(snapshot.Plugins);
        Assert.Empty(snapshot.Failures);
    }

    public void Dispose() => plugins.Dispose();
}
