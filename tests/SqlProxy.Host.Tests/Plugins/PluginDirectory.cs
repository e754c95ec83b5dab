using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>A temporary plugins directory, and catalogs over it.</summary>
internal sealed class PluginDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sqlproxy-plugins-").FullName;

    public Task AddAsync(string fixture, string? folder = null) => FixturePlugins.CopyAsync(fixture, Path, folder);

    /// <param name="builtIn">Whether the built-in plugins (beside the test assembly) load too.</param>
    public PluginCatalog Catalog(IReadOnlyDictionary<string, PluginSettings>? settings = null, int callTimeoutMs = 1000, bool builtIn = false) =>
        new(new PluginsConfig(
            builtIn ? PluginsConfig.DefaultBuiltInDirectory : null, Path, false, callTimeoutMs, settings ?? new Dictionary<string, PluginSettings>()),
            NullLogger<PluginCatalog>.Instance);

    /// <summary>A catalog of the built-in plugins only, loaded; the <c>hash</c> masker has a key.</summary>
    public static async Task<PluginCatalog> BuiltInAsync()
    {
        var settings = new Dictionary<string, PluginSettings> { ["maskers"] = Settings("hash_key", new string('k', 32)) };
        var catalog = new PluginCatalog(
            new PluginsConfig(PluginsConfig.DefaultBuiltInDirectory, null, false, 2000, settings), NullLogger<PluginCatalog>.Instance);
        await catalog.ReloadAsync(CancellationToken.None);
        return catalog;
    }

    public static PluginSettings Settings(string key, object value) => new(new Dictionary<string, object> { [key] = value });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A context kept alive by a hung fixture may still have a file open; the temporary directory can stay.
        }
    }
}
