using SqlProxy.Sdk;
using ContextLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace SqlProxy.Host.Plugins;

/// <summary>One plugin in its own collectible load context: what is reported about it, its extensions and its loader.</summary>
/// <param name="Context">
/// A weak reference to the load context, taken at load time: asking the loader for it at unload time would load the
/// assembly again, from a folder that may be gone.
/// </param>
internal sealed record LoadedPlugin(PluginInfo Info, PluginExtensions Extensions, ContextLoader Loader, WeakReference Context);
