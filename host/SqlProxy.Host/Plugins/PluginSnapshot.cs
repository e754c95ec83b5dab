using SqlProxy.Sdk;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// One load of the plugins directory: what loaded, what failed, and the extensions to call. Immutable while it serves;
/// reference-counted (the catalog holds one reference while it is current, each <see cref="PluginLease"/> one more), and
/// when the last reference goes its extensions are disposed and its load contexts unloaded.
/// </summary>
public sealed class PluginSnapshot
{
    private readonly TaskCompletionSource<UnloadReport> unloaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, PluginHealth> health;
    private IReadOnlyList<LoadedPlugin> loaded;
    private Dictionary<object, string> owners;
    private int references = 1;

    internal PluginSnapshot(IReadOnlyList<LoadedPlugin> loaded, IReadOnlyList<PluginFailure> failures)
    {
        this.loaded = loaded;
        Plugins = loaded.Select(p => p.Info).ToArray();
        Failures = failures;
        Classifiers = loaded.SelectMany(p => p.Extensions.Classifiers).ToArray();
        PolicyEvaluators = loaded.SelectMany(p => p.Extensions.PolicyEvaluators).ToArray();
        Maskers = loaded.SelectMany(p => p.Extensions.Maskers).ToArray();
        AuditSinks = loaded.SelectMany(p => p.Extensions.AuditSinks).ToArray();
        health = loaded.ToDictionary(p => p.Info.Name, _ => new PluginHealth(), StringComparer.Ordinal);
        owners = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        foreach (var plugin in loaded)
        {
            var extensions = plugin.Extensions;
            IEnumerable<object> all = [.. extensions.Classifiers, .. extensions.PolicyEvaluators, .. extensions.Maskers, .. extensions.AuditSinks];
            foreach (var extension in all) owners.TryAdd(extension, plugin.Info.Name);
        }
    }

    /// <summary>No plugins.</summary>
    internal static PluginSnapshot Empty() => new([], []);

    /// <summary>The loaded plugins, in folder order.</summary>
    public IReadOnlyList<PluginInfo> Plugins { get; }

    /// <summary>The folders that did not load.</summary>
    public IReadOnlyList<PluginFailure> Failures { get; }

    /// <summary>Every loaded plugin's classifiers; empty once the snapshot is unloaded.</summary>
    public IReadOnlyList<IClassifier> Classifiers { get; private set; }

    /// <summary>Every loaded plugin's policy evaluators; empty once the snapshot is unloaded.</summary>
    public IReadOnlyList<IPolicyEvaluator> PolicyEvaluators { get; private set; }

    /// <summary>Every loaded plugin's maskers; empty once the snapshot is unloaded.</summary>
    public IReadOnlyList<IMasker> Maskers { get; private set; }

    /// <summary>Every loaded plugin's audit sinks; empty once the snapshot is unloaded.</summary>
    public IReadOnlyList<IAuditSink> AuditSinks { get; private set; }

    /// <summary>Completes when the snapshot's load contexts have been unloaded, saying whether their collection was confirmed.</summary>
    public Task<UnloadReport> Unloaded => unloaded.Task;

    /// <summary>The name of the plugin that contributed <paramref name="extension"/>.</summary>
    public string OwnerOf(object extension) => owners.GetValueOrDefault(extension) ?? "?";

    /// <summary>The fault count of the plugin that contributed <paramref name="extension"/>.</summary>
    public PluginHealth HealthOf(object extension) => health.GetValueOrDefault(OwnerOf(extension)) ?? new PluginHealth();

    /// <summary>The fault count of the plugin named <paramref name="name"/>; a fresh one when no such plugin is loaded.</summary>
    public PluginHealth HealthOfPlugin(string name) => health.GetValueOrDefault(name) ?? new PluginHealth();

    /// <summary>A plugin's state: <c>faulty</c> once it has faulted too often in a row, else as loaded.</summary>
    public string StateOf(PluginInfo plugin) =>
        health.TryGetValue(plugin.Name, out var h) && h.IsFaulty ? "faulty" : plugin.State;

    /// <summary>Takes a reference, unless the last one is already gone.</summary>
    internal bool TryAcquire()
    {
        var count = Volatile.Read(ref references);
        while (count > 0)
        {
            var seen = Interlocked.CompareExchange(ref references, count + 1, count);
            if (seen == count) return true;
            count = seen;
        }
        return false;
    }

    /// <summary>Gives a reference back; true when it was the last, and the caller must unload the snapshot.</summary>
    internal bool Release() => Interlocked.Decrement(ref references) == 0;

    /// <summary>
    /// Hands over the plugins for unloading and drops every reference this snapshot has into their load contexts,
    /// so holding the snapshot (or its <see cref="Unloaded"/> task) does not keep them alive.
    /// </summary>
    internal IReadOnlyList<LoadedPlugin> Detach()
    {
        var plugins = loaded;
        loaded = [];
        owners = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        Classifiers = [];
        PolicyEvaluators = [];
        Maskers = [];
        AuditSinks = [];
        return plugins;
    }

    internal void ReportUnloaded(UnloadReport report) => unloaded.TrySetResult(report);
}
