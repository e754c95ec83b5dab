namespace SqlProxy.Host.Plugins;

/// <summary>What is reported about one loaded plugin; plain data, holding nothing of the plugin's load context.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="Folder">The folder's name in its directory.</param>
/// <param name="Kinds">The extension points it contributes to: <c>classifier</c>, <c>policy_evaluator</c>, <c>masker</c>, <c>audit_sink</c>.</param>
/// <param name="LoadedAt">When it was loaded.</param>
/// <param name="State">Its state when loaded: <c>loaded</c>; <see cref="PluginSnapshot.StateOf"/> reports <c>faulty</c> once it keeps failing.</param>
/// <param name="Source">Where its folder is: <c>builtin</c> (shipped with the host) or <c>directory</c> (<c>plugins.directory</c>).</param>
public sealed record PluginInfo(
    string Name, string Version, string Folder, IReadOnlyList<string> Kinds, DateTimeOffset LoadedAt, string State, string Source = "directory");
