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

    public PluginCatalog Catalog(IReadOnlyDictionary<string, PluginSettings>? settings = null, int callTimeoutMs = 1000) =>
        new(new PluginsConfig(Path, false, callTimeoutMs, settings ?? new Dictionary<string, PluginSettings>()), NullLogger<PluginCatalog>.Instance);

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
