using Prometheus;

namespace SqlProxy.Host.Metrics;

/// <summary>
/// The audit trail's numbers: records emitted by requests, and for each sink (<c>plugin/sink</c>) records written,
/// failed write attempts, records spilled to disk and replayed from it, and the spilled backlog; the in-memory queue's
/// depth.
/// </summary>
internal sealed class AuditMetrics
{
    private readonly Counter emitted;
    private readonly Counter written;
    private readonly Counter failed;
    private readonly Counter spilled;
    private readonly Counter replayed;
    private readonly Gauge backlog;
    private readonly Gauge queued;

    public AuditMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        emitted = factory.CreateCounter("sqlproxy_audit_emitted_total", "Audit records emitted by requests (one per statement request, on every path out).");
        written = factory.CreateCounter("sqlproxy_audit_written_total", "Audit records an audit sink has taken, by sink.", "sink");
        failed = factory.CreateCounter("sqlproxy_audit_failed_total", "Audit records in failed write attempts (each is kept and retried or spilled), by sink.", "sink");
        spilled = factory.CreateCounter("sqlproxy_audit_spilled_total", "Audit records spilled to disk because their sink failed or fell behind, by sink.", "sink");
        replayed = factory.CreateCounter("sqlproxy_audit_replayed_total", "Spilled audit records a sink has taken since, by sink.", "sink");
        backlog = factory.CreateGauge("sqlproxy_audit_spill_backlog", "Audit records waiting on disk for their sink, by sink.", "sink");
        queued = factory.CreateGauge("sqlproxy_audit_queue_depth", "Audit records in memory, not yet handed to the sinks' lanes.");
    }

    public void Emitted() => emitted.Inc();

    public void Written(string sink, int records) => written.WithLabels(sink).Inc(records);

    public void Failed(string sink, int records) => failed.WithLabels(sink).Inc(records);

    public void Spilled(string sink, int records) => spilled.WithLabels(sink).Inc(records);

    public void Replayed(string sink, int records) => replayed.WithLabels(sink).Inc(records);

    public void Backlog(string sink, long records) => backlog.WithLabels(sink).Set(records);

    public void QueueDepth(int records) => queued.Set(records);
}
