namespace SqlProxy.Host.Configuration;

/// <param name="QueueCapacity">Records held in memory before requests wait (or are refused, see <paramref name="RejectWhenFull"/>).</param>
/// <param name="SinkTimeoutMs">How long one audit sink may take to write one batch before the attempt counts as failed.</param>
/// <param name="SpillDirectory">Absolute path where each sink's records go while it fails or falls behind, replayed from there.</param>
/// <param name="SpillAfterAttempts">Quick write attempts of one batch before it is spilled.</param>
/// <param name="RejectWhenFull">When the queue is full, refuse new requests (503) before they run instead of making them wait.</param>
public sealed record AuditConfig(int QueueCapacity, int SinkTimeoutMs, string SpillDirectory, int SpillAfterAttempts, bool RejectWhenFull)
{
    /// <summary>Where spilled records go when <c>audit.spill_directory</c> is not set, relative to the config file.</summary>
    public const string DefaultSpillDirectory = ".sqlproxy/audit-spill";
}

/// <summary>Reads the <c>[audit]</c> table. Where the records are stored is the audit sink plugins' business (<c>[plugins.audit_file]</c> …).</summary>
internal static class AuditConfigReader
{
    public static AuditConfig Read(TomlSection section, string baseDirectory)
    {
        section.Moved("file", "[plugins.audit_file] path (the built-in audit file plugin)");
        var whenFull = section.String("when_full", "wait");
        if (whenFull is not ("wait" or "reject"))
            section.Errors.Add(section.KeyOf("when_full"), $"`{whenFull}` is not one of \"wait\" (requests wait for room) or \"reject\" (new requests are refused with 503)");
        var audit = new AuditConfig(
            (int)section.Integer("queue_capacity", 10_000, 1, 10_000_000),
            (int)section.Integer("sink_timeout_ms", 10_000, 1, 600_000),
            Path.GetFullPath(section.String("spill_directory", AuditConfig.DefaultSpillDirectory)!, baseDirectory),
            (int)section.Integer("spill_after_attempts", 3, 1, 100),
            whenFull == "reject");
        section.RejectUnknownKeys();
        return audit;
    }
}
