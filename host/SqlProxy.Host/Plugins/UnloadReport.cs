namespace SqlProxy.Host.Plugins;

/// <summary>How the unloading of a snapshot's load contexts went.</summary>
/// <param name="Contexts">How many load contexts were unloaded.</param>
/// <param name="StillAlive">The folders whose load context was still alive after the last garbage collection tried.</param>
public sealed record UnloadReport(int Contexts, IReadOnlyList<string> StillAlive)
{
    /// <summary>Whether every load context was confirmed collected.</summary>
    public bool Collected => StillAlive.Count == 0;
}
