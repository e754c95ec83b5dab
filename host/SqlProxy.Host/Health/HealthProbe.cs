using SqlProxy.Host.Audit;
using SqlProxy.Host.Plugins;
using SqlProxy.Host.Rules;
using SqlProxy.Host.Upstream;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Health;

/// <summary>Builds the health report of a <see cref="HealthLevel"/> from the parts of the serving host.</summary>
internal sealed class HealthProbe(
    RuleSetProvider rules, PluginCatalog plugins, DatabaseRegistry databases, AuditQueue audit, IHostApplicationLifetime lifetime)
{
    /// <summary>The report for <paramref name="level"/>; shallow always serves.</summary>
    public async Task<HealthReport> CheckAsync(HealthLevel level, CancellationToken cancellationToken)
    {
        var components = new SortedDictionary<string, ComponentHealth>(StringComparer.Ordinal);
        if (level == HealthLevel.Shallow) return HealthReport.Of(components);

        components["host"] = HostHealth.Of(lifetime);
        components["rules"] = Rules();
        using var lease = plugins.Acquire();
        var snapshot = lease.Snapshot;
        components["plugins"] = Plugins(snapshot);
        if (level == HealthLevel.Deep)
        {
            foreach (var sink in snapshot.AuditSinks)
            {
                var key = SinkWriter.KeyOf(snapshot, sink);
                components[$"audit_sink:{key}"] = Sink(snapshot, sink, audit.SpilledBatches(key));
            }
            var checks = databases.Names.Select(async name =>
                (name, await DatabaseProbe.CheckAsync(databases.Find(name)!, cancellationToken))).ToArray();
            foreach (var (name, health) in await Task.WhenAll(checks)) components[$"database:{name}"] = health;
        }
        return HealthReport.Of(components);
    }

    private ComponentHealth Rules()
    {
        var current = rules.Current;
        return new ComponentHealth(ComponentHealth.Ok, Version: current.Version, Count: current.Count);
    }

    private static ComponentHealth Plugins(PluginSnapshot snapshot)
    {
        var sinks = snapshot.AuditSinks.Count;
        return sinks > 0
            ? new ComponentHealth(ComponentHealth.Ok, $"{snapshot.Plugins.Count} plugins, {sinks} audit sinks", Count: snapshot.Plugins.Count)
            : new ComponentHealth("unavailable", "no loaded plugin has an audit sink: requests cannot be audited", Count: snapshot.Plugins.Count);
    }

    /// <summary>Faulty when its plugin failed too often in a row; spilling while batches wait on disk for it (it failed or fell behind).</summary>
    private static ComponentHealth Sink(PluginSnapshot snapshot, IAuditSink sink, int spilledBatches)
    {
        var health = snapshot.HealthOf(sink);
        if (health.IsFaulty)
            return new ComponentHealth("faulty", $"its plugin failed {PluginHealth.FaultLimit} times in a row ({health.TotalFaults} faults since loaded); records are kept and retried");
        return spilledBatches > 0
            ? new ComponentHealth("spilling", $"{spilledBatches} spilled batches wait on disk until the sink takes them")
            : new ComponentHealth(ComponentHealth.Ok);
    }
}
