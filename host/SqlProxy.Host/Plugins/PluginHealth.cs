namespace SqlProxy.Host.Plugins;

/// <summary>
/// One plugin's consecutive faults within one snapshot. After <see cref="FaultLimit"/> faults in a row the plugin is
/// faulty and skipped until a reload gives it a fresh snapshot.
/// </summary>
public sealed class PluginHealth
{
    /// <summary>How many faults in a row make a plugin faulty.</summary>
    public const int FaultLimit = 5;

    /// <summary>A call that holds its thread longer than this counts as slow.</summary>
    public static readonly TimeSpan SlowCall = TimeSpan.FromMilliseconds(20);

    /// <summary>How many slow calls make a plugin <see cref="Isolated"/>.</summary>
    public const int SlowCallLimit = 3;

    private int consecutiveFaults;
    private int totalFaults;
    private int slowCalls;

    /// <summary>Whether the plugin is skipped.</summary>
    public bool IsFaulty => Volatile.Read(ref consecutiveFaults) >= FaultLimit;

    /// <summary>Every fault counted since the snapshot was loaded, in a row or not.</summary>
    public int TotalFaults => Volatile.Read(ref totalFaults);

    /// <summary>
    /// Whether the plugin's calls run only on the dedicated plugin threads. A plugin starts out trusted to run its calls on
    /// the .NET thread pool (<see cref="PluginRun{T}"/>), and is isolated for the rest of this snapshot once a call times
    /// out or <see cref="SlowCallLimit"/> calls each hold their thread longer than <see cref="SlowCall"/>: a plugin that
    /// blocks must not hold the threads the requests run on.
    /// </summary>
    public bool Isolated => Volatile.Read(ref slowCalls) >= SlowCallLimit;

    /// <summary>Counts how long a call held its thread (up to its first incomplete await).</summary>
    public void RecordCallTime(TimeSpan took)
    {
        if (took > SlowCall) Interlocked.Increment(ref slowCalls);
    }

    /// <summary>A call timed out: the plugin's calls run on the plugin threads from now on.</summary>
    public void Isolate() => Volatile.Write(ref slowCalls, SlowCallLimit);

    /// <summary>Counts a fault; true when this fault made the plugin faulty.</summary>
    public bool RecordFault()
    {
        Interlocked.Increment(ref totalFaults);
        return Interlocked.Increment(ref consecutiveFaults) == FaultLimit;
    }

    /// <summary>A call succeeded: the run of faults is over, unless the plugin is already faulty.</summary>
    public void RecordSuccess()
    {
        var seen = Volatile.Read(ref consecutiveFaults);
        if (seen > 0 && seen < FaultLimit) Interlocked.CompareExchange(ref consecutiveFaults, 0, seen);
    }
}
