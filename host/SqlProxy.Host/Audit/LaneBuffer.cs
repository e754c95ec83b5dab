using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>
/// The batches a <see cref="SinkLane"/> holds in memory, in order, bounded in records (not batches): an empty buffer
/// takes any batch, a non-empty one only while the records stay within the bound. Taking gathers every queued batch up
/// to a cap of records into one write. Not thread-safe: its lane calls it under its own lock.
/// </summary>
internal sealed class LaneBuffer(int capacity)
{
    private readonly LinkedList<IReadOnlyList<AuditRecord>> batches = new();
    private TaskCompletionSource changed = NewSignal();
    private int records;

    public bool IsEmpty => batches.Count == 0;

    /// <summary>Completed and empty: nothing more will come.</summary>
    public bool IsDrained => IsCompleted && IsEmpty;

    public bool IsCompleted { get; private set; }

    /// <summary>Completes at the next change (a batch added or taken, or completion); read it under the lane's lock.</summary>
    public Task Changed => changed.Task;

    /// <summary>Queues the batch, or false when it would take the buffer past its bound.</summary>
    public bool TryAdd(IReadOnlyList<AuditRecord> batch)
    {
        if (IsCompleted) throw new InvalidOperationException("the lane was completed");
        if (!IsEmpty && records + batch.Count > capacity) return false;
        batches.AddLast(batch);
        records += batch.Count;
        Signal();
        return true;
    }

    /// <summary>
    /// The oldest queued batches, in order, as one list of at most <paramref name="maxRecords"/> records (a single batch
    /// larger than that comes alone), or false when nothing is queued.
    /// </summary>
    public bool TryTake(int maxRecords, out IReadOnlyList<AuditRecord> taken)
    {
        if (batches.First is not { } first)
        {
            taken = [];
            return false;
        }
        batches.RemoveFirst();
        taken = first.Value;
        if (batches.First is { } second && taken.Count + second.Value.Count <= maxRecords)
        {
            var gathered = new List<AuditRecord>(taken);
            while (batches.First is { } next && gathered.Count + next.Value.Count <= maxRecords)
            {
                gathered.AddRange(next.Value);
                batches.RemoveFirst();
            }
            taken = gathered;
        }
        records -= taken.Count;
        Signal();
        return true;
    }

    /// <summary>Returns taken records to the front of the queue, ahead of everything queued since.</summary>
    public void PutBack(IReadOnlyList<AuditRecord> taken)
    {
        batches.AddFirst(taken);
        records += taken.Count;
        Signal();
    }

    public void Complete()
    {
        IsCompleted = true;
        Signal();
    }

    private void Signal() => Interlocked.Exchange(ref changed, NewSignal()).TrySetResult();

    // Waiters continue elsewhere, not inside the lane's lock held by whoever signals.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
