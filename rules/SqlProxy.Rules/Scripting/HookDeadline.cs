using System.Diagnostics;
using Jint;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// The time limit of one call into an engine. Jint resets every constraint at the start of each call, so each call
/// gets the whole budget. Unlike Jint's own timeout the budget can be changed: top-level code gets a longer one,
/// because it runs once per engine and may be the first code a cold process runs.
/// </summary>
sealed class HookDeadline(TimeSpan budget) : Constraint
{
    long deadline;

    /// <summary>The time the next call may take.</summary>
    public TimeSpan Budget { get; set; } = budget;

    /// <summary>Reading a clock consumes nothing, so Jint may check it every few statements rather than before each.</summary>
    public override bool IsAmortizable => true;

    /// <inheritdoc/>
    public override void Reset()
    {
        var ticks = Budget.TotalSeconds * Stopwatch.Frequency;
        deadline = Stopwatch.GetTimestamp() + (ticks < long.MaxValue / 2 ? (long)ticks : long.MaxValue / 2);
    }

    /// <inheritdoc/>
    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > deadline)
            throw new TimeoutException();
    }
}
