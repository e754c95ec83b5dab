namespace SqlProxy.Host.Plugins;

/// <summary>The outcome of a reload.</summary>
/// <param name="Serving">The snapshot now serving: the new one, or the old one when the new one was refused.</param>
/// <param name="PreviousUnloaded">
/// Completes once the snapshot that lost (the replaced one, or the refused one) has lost its last lease and its
/// contexts are unloaded.
/// </param>
/// <param name="Refusals">Why the loaded set was refused, one sentence each; empty when it was swapped in.</param>
/// <param name="Failures">The folders of the loaded set that did not load.</param>
public sealed record PluginReload(
    PluginSnapshot Serving, Task<UnloadReport> PreviousUnloaded, IReadOnlyList<string> Refusals, IReadOnlyList<PluginFailure> Failures)
{
    /// <summary>Whether the loaded set was swapped in.</summary>
    public bool Swapped => Refusals.Count == 0;
}
