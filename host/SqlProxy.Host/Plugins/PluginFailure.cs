namespace SqlProxy.Host.Plugins;

/// <summary>A plugin folder that did not load.</summary>
/// <param name="Folder">The folder's name in the plugins directory.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record PluginFailure(string Folder, string Reason);
