using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// Everything one audit sink still has to take, in order. Batches wait in an in-memory queue bounded in records
/// (<see cref="AuditLaneOptions.QueuedRecords"/>); each write hands the sink every batch queued by then, up to
/// <see cref="AuditLaneOptions.MaxRecordsPerWrite"/> records, in one call, with a few quick retries. When those fail, or
/// the queue is full because the sink is behind, the lane spills: the failed records, the queue behind them and every
/// later batch go to its <see cref="SpillStore"/>, which is replayed with backoff until the sink takes it all, and then
/// the lane writes from memory again. Only when the disk refuses the spill do offers wait (back-pressure up to the
/// requests); no batch is ever dropped.
/// </summary>
internal sealed partial class SinkLane
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly LaneBuffer queue;
    private readonly SpillStore spill;
    private readonly WriteToSink writer;
    private readonly AuditLaneOptions options;
    private readonly Metrics.AuditMetrics metrics;
    private readonly ILogger logger;
    private readonly object gate = new();
    private bool spilling;
    private bool failing;

    public SinkLane(string key, SpillStore spill, WriteToSink writer, AuditLaneOptions options, Metrics.AuditMetrics metrics, ILogger logger)
    {
        Key = key;
        this.spill = spill;
        this.writer = writer;
        this.options = options;
        this.metrics = metrics;
        this.logger = logger;
        queue = new LaneBuffer(options.QueuedRecords);
        spilling = !spill.IsEmpty;
        metrics.Backlog(key, spill.Records);
        if (spilling) LogResuming(key, spill.Records, spill.Directory);
    }

    public string Key { get; }

    /// <summary>Batches in the lane's spill, waiting for the sink.</summary>
    public int SpilledBatches => spill.Batches;

    /// <summary>Takes a batch for the sink: queued, or spilled while the lane spills or its queue is full.</summary>
    public async ValueTask OfferAsync(IReadOnlyList<AuditRecord> batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!spilling && queue.TryAdd(batch)) return;
            if (TrySpill(batch, "its queue is full")) return;
        }
        // The disk refused: the batch waits for room in memory.
        while (true)
        {
            Task changed;
            lock (gate)
            {
                if (queue.TryAdd(batch)) return;
                changed = queue.Changed;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>No more batches: <see cref="RunAsync"/> writes what it has and ends.</summary>
    public void Complete()
    {
        lock (gate) queue.Complete();
    }

    /// <summary>
    /// Writes until completed and empty. On <paramref name="abandon"/> (the host's stop timeout) whatever is still in
    /// memory is spilled, to be replayed on the next start.
    /// </summary>
    public async Task RunAsync(CancellationToken abandon)
    {
        var backoff = FirstRetry;
        try
        {
            while (true)
            {
                if (TryTake(out var batch))
                {
                    await DeliverAsync(batch, abandon);
                    continue;
                }
                if (HasSpill())
                {
                    if (await ReplayOldestAsync(abandon))
                    {
                        backoff = FirstRetry;
                        continue;
                    }
                    if (IsDrained()) return; // stopping: the rest is replayed on the next start
                    await WaitAsync(backoff, abandon);
                    backoff = Grow(backoff);
                    continue;
                }
                if (await NothingMoreAsync(abandon)) return;
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            lock (gate)
                while (queue.TryTake(options.MaxRecordsPerWrite, out var left)) TrySpill(left, "the proxy is stopping");
        }
    }

    /// <summary>The queued batches for one write, gathered.</summary>
    private bool TryTake(out IReadOnlyList<AuditRecord> batch)
    {
        lock (gate) return queue.TryTake(options.MaxRecordsPerWrite, out batch);
    }

    private bool IsDrained()
    {
        lock (gate) return queue.IsDrained;
    }

    /// <summary>Waits for a batch; true when the lane was completed and has nothing left.</summary>
    private async Task<bool> NothingMoreAsync(CancellationToken abandon)
    {
        Task changed;
        lock (gate)
        {
            if (!queue.IsEmpty) return false;
            if (queue.IsCompleted) return true;
            changed = queue.Changed;
        }
        await changed.WaitAsync(abandon);
        return false;
    }

    private async Task DeliverAsync(IReadOnlyList<AuditRecord> batch, CancellationToken abandon)
    {
        try
        {
            await WriteOrSpillAsync(batch, abandon);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // The records in hand go first, ahead of the queue that RunAsync spills next.
            lock (gate) TrySpill(batch, "the proxy is stopping");
            throw;
        }
    }

    private async Task WriteOrSpillAsync(IReadOnlyList<AuditRecord> batch, CancellationToken abandon)
    {
        var delay = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            if (await TryWriteAsync(batch, abandon)) return;
            if (attempt >= options.AttemptsBeforeSpill || IsDrained())
            {
                lock (gate)
                {
                    if (TrySpill(batch, $"{attempt} attempts failed"))
                    {
                        SpillQueued();
                        return;
                    }
                }
            }
            await WaitAsync(delay, abandon);
            delay = Grow(delay);
        }
    }

    private async Task<bool> ReplayOldestAsync(CancellationToken abandon)
    {
        (long Number, IReadOnlyList<AuditRecord> Records)? oldest;
        try
        {
            oldest = spill.Oldest();
        }
        catch (System.Text.Json.JsonException e)
        {
            var number = spill.OldestNumber();
            if (number is { } unreadable) spill.SetAside(unreadable);
            LogUnreadable(Key, spill.Directory, e.Message);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogReplayFailed(Key, spill.Directory, e.Message);
            return false;
        }
        if (oldest is not { } found) return true;
        if (!await TryWriteAsync(found.Records, abandon)) return false;
        spill.Delete(found.Number);
        metrics.Replayed(Key, found.Records.Count);
        metrics.Backlog(Key, spill.Records);
        return true;
    }

    private async Task<bool> TryWriteAsync(IReadOnlyList<AuditRecord> batch, CancellationToken abandon)
    {
        var problem = await writer(Key, batch, abandon);
        if (problem is null)
        {
            metrics.Written(Key, batch.Count);
            if (failing) LogRecovered(Key);
            failing = false;
            return true;
        }
        metrics.Failed(Key, batch.Count);
        if (!failing) LogFailing(Key, batch.Count, problem);
        failing = true;
        return false;
    }

    /// <summary>Spills under <see cref="gate"/>; false (and the batch stays with the caller) when the disk refuses.</summary>
    private bool TrySpill(IReadOnlyList<AuditRecord> batch, string why)
    {
        try
        {
            spill.Append(batch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSpillFailed(Key, batch.Count, spill.Directory, e.Message);
            return false;
        }
        if (!spilling) LogSpilling(Key, why, spill.Directory);
        spilling = true;
        metrics.Spilled(Key, batch.Count);
        metrics.Backlog(Key, spill.Records);
        return true;
    }

    /// <summary>
    /// Spills the queue behind a spilled batch, under <see cref="gate"/>. What the disk refuses stays queued (and is
    /// written from memory), so nothing is dropped.
    /// </summary>
    private void SpillQueued()
    {
        while (queue.TryTake(options.MaxRecordsPerWrite, out var behind))
        {
            if (TrySpill(behind, "the batch before it was spilled")) continue;
            queue.PutBack(behind);
            return;
        }
    }

    private bool HasSpill()
    {
        lock (gate)
        {
            if (spill.IsEmpty && spilling)
            {
                spilling = false;
                LogCaughtUp(Key);
            }
            return spilling;
        }
    }

    private static Task WaitAsync(TimeSpan delay, CancellationToken abandon) => Task.Delay(delay, abandon);

    private static TimeSpan Grow(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));

    [LoggerMessage(LogLevel.Error, "Audit sink {Sink} failed to write {Count} records; they are kept, retried and, past the retries, spilled: {Problem}")]
    private partial void LogFailing(string sink, int count, string problem);

    [LoggerMessage(LogLevel.Information, "Audit sink {Sink} writes again")]
    private partial void LogRecovered(string sink);

    [LoggerMessage(LogLevel.Warning, "Audit sink {Sink} is behind ({Why}): its records are spilled to {Directory} and replayed in order")]
    private partial void LogSpilling(string sink, string why, string directory);

    [LoggerMessage(LogLevel.Information, "Audit sink {Sink} has taken every spilled record")]
    private partial void LogCaughtUp(string sink);

    [LoggerMessage(LogLevel.Information, "Audit sink {Sink} has {Count} records spilled by an earlier run in {Directory}: replaying them first")]
    private partial void LogResuming(string sink, long count, string directory);

    [LoggerMessage(LogLevel.Critical, "Audit records for sink {Sink} could not be spilled to {Directory} ({Problem}): {Count} records wait in memory and requests wait for room")]
    private partial void LogSpillFailed(string sink, int count, string directory, string problem);

    [LoggerMessage(LogLevel.Error, "Spilled audit records of sink {Sink} in {Directory} cannot be read now ({Problem}); retrying")]
    private partial void LogReplayFailed(string sink, string directory, string problem);

    [LoggerMessage(LogLevel.Critical, "A spilled batch of audit sink {Sink} in {Directory} cannot be read back and was set aside as *.unreadable: {Problem}")]
    private partial void LogUnreadable(string sink, string directory, string problem);
}
