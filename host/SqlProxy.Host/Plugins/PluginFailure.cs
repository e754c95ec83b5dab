namespace SqlProxy.Host.Plugins;

/// <summary>A plugin folder that did not load.</summary>
/// <param name="Folder">The folder's name in its directory (the directory's path when the directory itself is missing).</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Source">Where the folder is: <c>builtin</c> or <c>directory</c>.</param>
public sealed record PluginFailure(string Folder, string Reason, string Source = "directory");
