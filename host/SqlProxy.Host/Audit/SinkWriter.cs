using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// Hands one batch to one audit sink of the serving plugins, named by its key (<c>plugin/sink</c>) so that a lane keeps
/// writing to "the same" sink across plugin reloads. Each write is bounded by <c>audit.sink_timeout_ms</c> and counts
/// towards the plugin's health.
/// </summary>
internal sealed partial class SinkWriter(PluginCatalog plugins, int timeoutMs, ILogger<SinkWriter> logger)
{
    /// <summary>The keys of the sinks the serving plugins have now.</summary>
    public IReadOnlyList<string> CurrentKeys()
    {
        using var lease = plugins.Acquire();
        return lease.Snapshot.AuditSinks.Select(sink => KeyOf(lease.Snapshot, sink)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <returns>Null when the sink took the batch, else what went wrong.</returns>
    public async Task<string?> WriteAsync(string key, IReadOnlyList<AuditRecord> batch, CancellationToken cancellationToken)
    {
        using var lease = plugins.Acquire();
        var snapshot = lease.Snapshot;
        var sink = snapshot.AuditSinks.FirstOrDefault(s => KeyOf(snapshot, s) == key);
        if (sink is null) return "no loaded plugin has this sink now";
        var health = snapshot.HealthOf(sink);
        try
        {
            await PluginCall.RunAsync(async token => { await sink.WriteAsync(batch, token); return true; }, timeoutMs, health: null, cancellationToken);
            health.RecordSuccess();
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (health.RecordFault()) LogFaulty(snapshot.OwnerOf(sink), PluginHealth.FaultLimit);
            return PluginFaults.Describe(e);
        }
    }

    /// <summary>A sink's key, <c>plugin/sink</c>: how lanes, spill directories, metrics and health name it.</summary>
    public static string KeyOf(PluginSnapshot snapshot, IAuditSink sink) => $"{snapshot.OwnerOf(sink)}/{PluginFaults.NameOf(() => sink.Name)}";

    [LoggerMessage(LogLevel.Error, "Plugin {Plugin} failed {Faults} times in a row and is now faulty; its audit sink's records are spilled and replayed")]
    private partial void LogFaulty(string plugin, int faults);
}
