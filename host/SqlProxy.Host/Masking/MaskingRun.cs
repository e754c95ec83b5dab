using SqlProxy.Host.Upstream;

namespace SqlProxy.Host.Masking;

/// <summary>
/// Masks several columns one after another in a single plugin call (one thread hop per result, not one per
/// column). Each column is claimed before it starts, by the run or by the caller: a caller that gives up on a stalled
/// column claims the ones after it, so the abandoned run never starts them and they can run elsewhere. The values are masked
/// into new arrays, so an abandoned call cannot write into the result.
/// </summary>
internal sealed class MaskingRun
{
    private const int Unclaimed = 0;
    private const int Running = 1;
    private const int TakenBack = 2;

    private readonly IReadOnlyList<ColumnMaskJob> jobs;
    private readonly object?[][] rows;
    private readonly int first;
    private readonly int[] claims;
    private readonly ColumnMasking?[] outcomes;
    private int current;

    /// <param name="first">The first of <paramref name="jobs"/> this run masks; those before it are done.</param>
    public MaskingRun(IReadOnlyList<ColumnMaskJob> jobs, object?[][] rows, int first)
    {
        this.jobs = jobs;
        this.rows = rows;
        this.first = current = first;
        claims = new int[jobs.Count];
        outcomes = new ColumnMasking?[jobs.Count];
    }

    /// <summary>The column the run is on, or was on when it stopped.</summary>
    public int Current => Volatile.Read(ref current);

    /// <summary>What the column gave, when it finished.</summary>
    public ColumnMasking? OutcomeOf(int job) => Volatile.Read(ref outcomes[job]);

    /// <summary>Masks every column from <c>first</c> on that the caller has not taken back.</summary>
    /// <param name="columnStarting">Called as each column starts: each column has the whole timeout.</param>
    public bool Execute(Action columnStarting)
    {
        for (var job = first; job < jobs.Count; job++)
        {
            if (Interlocked.CompareExchange(ref claims[job], Running, Unclaimed) != Unclaimed) break;
            Volatile.Write(ref current, job);
            columnStarting();
            Volatile.Write(ref outcomes[job], MaskColumn(jobs[job]));
        }
        return true;
    }

    /// <summary>Takes back the columns after <paramref name="stalled"/> that have not started.</summary>
    /// <returns>False when the plugin thread had already moved past <paramref name="stalled"/>: it was not stalled.</returns>
    public bool TakeBackAfter(int stalled)
    {
        if (stalled + 1 < jobs.Count && Interlocked.CompareExchange(ref claims[stalled + 1], TakenBack, Unclaimed) != Unclaimed) return false;
        for (var job = stalled + 2; job < jobs.Count; job++) Interlocked.CompareExchange(ref claims[job], TakenBack, Unclaimed);
        return true;
    }

    private ColumnMasking MaskColumn(ColumnMaskJob job)
    {
        try
        {
            var problems = job.Masker.ValidateArguments(job.Arguments);
            if (problems is { Count: > 0 }) return ColumnMasking.Refused(string.Join(" ", problems));
            var values = new object?[rows.Length];
            for (var row = 0; row < rows.Length; row++) values[row] = JsonValues.Normalize(job.Masker.Mask(rows[row][job.Index], job.Arguments));
            return new ColumnMasking(values, null, Faulted: false);
        }
        catch (Exception e)
        {
            // Only the type: a masker's message may quote the value it was masking.
            return ColumnMasking.Fault($"the masker threw {e.GetType().Name}");
        }
    }
}
