using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Audit.Lanes;

/// <summary>
/// An audit sink in memory that notes every write call, holds each write while its gate is closed (a sink that is
/// briefly slow) and refuses writes while <see cref="Failing"/> is set.
/// </summary>
internal sealed class GatedSink : IAuditSink
{
    private readonly object gate = new();
    private readonly List<IReadOnlyList<AuditRecord>> calls = [];
    private readonly List<string> stored = [];
    private TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool failing;

    public GatedSink(bool open = true)
    {
        if (open) Open();
    }

    public string Name => "gated";

    /// <summary>While set, every write (once through the gate) throws.</summary>
    public bool Failing
    {
        get => Volatile.Read(ref failing);
        set => Volatile.Write(ref failing, value);
    }

    /// <summary>Every write call's records, taken or refused, in call order.</summary>
    public IReadOnlyList<IReadOnlyList<AuditRecord>> Calls
    {
        get { lock (gate) return calls.ToArray(); }
    }

    /// <summary>The audit ids the sink has taken, in order.</summary>
    public IReadOnlyList<string> Stored
    {
        get { lock (gate) return stored.ToArray(); }
    }

    public void Open() => open.TrySetResult();

    public void Close()
    {
        lock (gate)
            if (open.Task.IsCompleted) open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        Task wait;
        lock (gate)
        {
            calls.Add(records.ToArray());
            wait = open.Task;
        }
        await wait.WaitAsync(cancellationToken);
        if (Failing) throw new IOException("refused on purpose");
        lock (gate) stored.AddRange(records.Select(r => r.AuditId));
    }

    /// <summary>The lane's way to it, whatever the key: null when it took the batch, else why not.</summary>
    public async Task<string?> WriteForLaneAsync(string key, IReadOnlyList<AuditRecord> batch, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(batch, cancellationToken);
            return null;
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }
}
