namespace SqlProxy.Host.Audit;

/// <param name="QueuedRecords">
/// Records a sink's lane holds in memory, waiting for the sink, before it spills the next batch ("its queue is full");
/// counted in records so that a burst of small batches is not taken for a sink that is behind.
/// </param>
/// <param name="AttemptsBeforeSpill">Quick write attempts of one batch before it is spilled (<c>audit.spill_after_attempts</c>).</param>
/// <param name="MaxRecordsPerWrite">Most records the lane hands its sink in one write, gathered from the batches queued.</param>
internal sealed record AuditLaneOptions(int QueuedRecords, int AttemptsBeforeSpill, int MaxRecordsPerWrite = AuditLaneOptions.DefaultMaxRecordsPerWrite)
{
    /// <summary>Cap of one coalesced sink write: large enough to turn a burst of small batches into one call.</summary>
    public const int DefaultMaxRecordsPerWrite = 1024;
}
