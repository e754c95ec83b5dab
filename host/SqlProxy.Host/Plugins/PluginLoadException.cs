namespace SqlProxy.Host.Plugins;

/// <summary>A plugin folder cannot be loaded; the message is the reason reported for the folder.</summary>
internal sealed class PluginLoadException(string reason) : Exception(reason);
