namespace SqlProxy.Host.Plugins;

/// <summary>
/// One plugin's consecutive faults within one snapshot. After <see cref="FaultLimit"/> faults in a row the plugin is
/// faulty and skipped until a reload gives it a fresh snapshot.
/// </summary>
public sealed class PluginHealth
{
    /// <summary>How many faults in a row make a plugin faulty.</summary>
    public const int FaultLimit = 5;

    private int consecutiveFaults;
    private int totalFaults;
    private int isolated;

    /// <summary>Whether the plugin is skipped.</summary>
    public bool IsFaulty => Volatile.Read(ref consecutiveFaults) >= FaultLimit;

    /// <summary>Every fault counted since the snapshot was loaded, in a row or not.</summary>
    public int TotalFaults => Volatile.Read(ref totalFaults);

    /// <summary>
    /// Whether the plugin's calls run only on the dedicated plugin threads. A plugin starts out trusted to run its calls on
    /// the .NET thread pool (<see cref="PluginRun{T}"/>), and is isolated for the rest of this snapshot once a call times
    /// out: a call that hangs must not hold the threads the requests run on.
    /// </summary>
    public bool Isolated => Volatile.Read(ref isolated) != 0;

    /// <summary>A call timed out: the plugin's calls run on the plugin threads from now on.</summary>
    public void Isolate() => Volatile.Write(ref isolated, 1);

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
