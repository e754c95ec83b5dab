namespace SqlProxy.Host.Audit;

/// <param name="QueuedBatches">Batches a sink's lane holds in memory before it spills.</param>
/// <param name="AttemptsBeforeSpill">Quick write attempts of one batch before it is spilled (<c>audit.spill_after_attempts</c>).</param>
internal sealed record AuditLaneOptions(int QueuedBatches, int AttemptsBeforeSpill);
