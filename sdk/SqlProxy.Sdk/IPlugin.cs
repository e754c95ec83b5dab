namespace SqlProxy.Sdk;

/// <summary>
/// The entry point of a plugin assembly. The host looks in the assembly for the one public, non-abstract class that
/// implements this interface, creates it with its public parameterless constructor, and asks it for its extensions.
/// </summary>
/// <remarks>
/// A plugin is built against one major version of this SDK (the SDK's assembly version is
/// <c>major.minor.0.0</c>); the host refuses a plugin built against another major version, or a newer minor one.
/// </remarks>
public interface IPlugin
{
    /// <summary>
    /// The plugin's name: letters, digits, <c>_</c> and <c>-</c>, unique among the loaded plugins. Its settings are the
    /// <c>[plugins.&lt;name&gt;]</c> table of the host's configuration.
    /// </summary>
    string Name { get; }

    /// <summary>The plugin's own semantic version (e.g. <c>1.2.0</c>), as the host reports it.</summary>
    string Version { get; }

    /// <summary>
    /// Creates the plugin's extensions for one load. Called again, on a new instance, at every reload. Bad settings
    /// are reported by throwing an exception whose message names the setting: the plugin then fails to load with it.
    /// </summary>
    /// <param name="settings">The plugin's <c>[plugins.&lt;name&gt;]</c> table; empty when there is none.</param>
    /// <param name="cancellationToken">Cancelled when the host gives up on loading the plugin.</param>
    /// <returns>
    /// The extensions. When the plugin is unloaded, the host disposes each one that implements
    /// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>, after the last call to it has finished.
    /// </returns>
    ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken);
}
