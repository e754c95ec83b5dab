namespace SqlProxy.Host.Plugins;

/// <summary>The outcome of a reload.</summary>
/// <param name="Serving">The snapshot now serving.</param>
/// <param name="PreviousUnloaded">Completes once the replaced snapshot's last lease is gone and its contexts are unloaded.</param>
public sealed record PluginReload(PluginSnapshot Serving, Task<UnloadReport> PreviousUnloaded);
