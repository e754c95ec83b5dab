using System.Diagnostics;
using SqlProxy.Host.Pipeline;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>Adds up the time one stage takes (Stopwatch ticks, all callers together), to show where a statement's time goes.</summary>
internal sealed class TimedStage(IQueryStage inner) : IQueryStage
{
    private long ticks;
    private long calls;

    public string Name => inner.Name;

    public long Ticks => Interlocked.Read(ref ticks);

    public long Calls => Interlocked.Read(ref calls);

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.RunAsync(context, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref calls);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref ticks, 0);
        Interlocked.Exchange(ref calls, 0);
    }
}
