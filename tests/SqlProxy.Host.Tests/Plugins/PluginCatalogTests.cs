using System.Runtime.CompilerServices;
using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>Reload swaps the snapshot at once; the old one serves its leases to the end, then its contexts are collected.</summary>
public sealed class PluginCatalogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_reload_swaps_in_a_new_load_and_the_old_context_is_collected()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        Assert.Equal(1, await ClassifyAsync(catalog));

        var reload = await catalog.ReloadAsync(CancellationToken.None);
        var report = await reload.PreviousUnloaded.WaitAsync(Patience);

        Assert.Equal(1, report.Contexts);
        Assert.True(report.Collected, $"still alive: {string.Join(", ", report.StillAlive)}");
        Assert.Equal(1, await ClassifyAsync(catalog));
    }

    [Fact]
    public async Task A_lease_taken_before_a_reload_keeps_the_old_set_working_until_it_is_released()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);
        var inFlight = catalog.Acquire();

        var reload = await catalog.ReloadAsync(CancellationToken.None);
        Assert.NotSame(reload.Serving, inFlight.Snapshot);
        Assert.Equal(1, await ClassifyAsync(inFlight));
        Assert.False(reload.PreviousUnloaded.IsCompleted);

        inFlight.Dispose();
        var report = await reload.PreviousUnloaded.WaitAsync(Patience);
        Assert.True(report.Collected, $"still alive: {string.Join(", ", report.StillAlive)}");
    }

    [Fact]
    public async Task A_folder_removed_before_a_reload_is_gone_after_it()
    {
        await plugins.AddAsync(FixturePlugins.Good);
        await using var catalog = plugins.Catalog();
        await catalog.ReloadAsync(CancellationToken.None);

        Directory.Delete(Path.Combine(plugins.Path, FixturePlugins.Good), recursive: true);
        var reload = await catalog.ReloadAsync(CancellationToken.None);

        Assert.Empty(reload.Serving.Plugins);
        Assert.True((await reload.PreviousUnloaded.WaitAsync(Patience)).Collected);
    }

    [Fact]
    public async Task The_extensions_of_the_replaced_set_are_disposed()
    {
        var marker = Path.Combine(plugins.Path, "disposed.txt");
        await plugins.AddAsync(FixturePlugins.Good);
        await using var catalog = plugins.Catalog(new Dictionary<string, PluginSettings> { ["fixture_good"] = PluginDirectory.Settings("disposed_marker", marker) });
        await catalog.ReloadAsync(CancellationToken.None);
        Assert.False(File.Exists(marker));

        var reload = await catalog.ReloadAsync(CancellationToken.None);
        await reload.PreviousUnloaded.WaitAsync(Patience);

        Assert.True(File.Exists(marker));
    }

    /// <summary>Calls the plugin in a frame of its own, so the test keeps no reference into the plugin's context.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> ClassifyAsync(PluginCatalog catalog)
    {
        using var lease = catalog.Acquire();
        return await ClassifyAsync(lease);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> ClassifyAsync(PluginLease lease)
    {
        var found = await lease.Snapshot.Classifiers.Single().ClassifyAsync(
            new ResultSample([new ResultColumn("national_id", "text", [])], []), CancellationToken.None);
        return found.Count;
    }

    public void Dispose() => plugins.Dispose();
}
