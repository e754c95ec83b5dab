using System.Globalization;
using Jint;

namespace SqlProxy.Rules.Scripting;

/// <summary>The Jint settings that every hook engine of a host shares, and the engine they make.</summary>
static class Sandbox
{
    /// <summary>
    /// Globals taken out of every engine. <c>Atomics.wait</c> blocks the thread where no limit can see it; a
    /// <c>Proxy</c> would run script code while the globals are being frozen; <c>WeakRef</c> and
    /// <c>FinalizationRegistry</c> make a result depend on when the garbage collector runs.
    /// </summary>
    static readonly string[] RemovedGlobals = ["Atomics", "SharedArrayBuffer", "Proxy", "WeakRef", "FinalizationRegistry", "ShadowRealm"];

    /// <summary>
    /// Options for engines that run hooks: strict mode, no CLR interop, no <c>eval</c> of strings, UTC and the
    /// invariant culture, and the limits. One instance serves every engine: Jint builds each engine its own constraints.
    /// </summary>
    public static Options CreateOptions(ScriptLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.Timeout, TimeSpan.Zero, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.MemoryBytes, 0, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.MaxStatements, 0, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxRecursionDepth, nameof(limits));

        var options = new Options()
            .Strict()
            .DisableStringCompilation()
            .LocalTimeZone(TimeZoneInfo.Utc)
            .Culture(CultureInfo.InvariantCulture)
            // Jint reads the maximum values as "no limit at all", so stay one below them.
            .LimitMemory(Math.Min(limits.MemoryBytes, long.MaxValue - 1))
            .MaxStatements(Math.Min(limits.MaxStatements, int.MaxValue - 1))
            .LimitRecursion(limits.MaxRecursionDepth)
            .Constraint(() => new HookDeadline(limits.Timeout));
        options.Interop.Enabled = false;
        options.Constraints.RegexTimeout = limits.Timeout;
        // A recursion that the depth limit does not count (a getter, a coercion, a callback) must not overflow the
        // native stack: that would end the process.
        options.Constraints.StackOverflowGuard = true;
        return options;
    }

    /// <summary>A new engine with the dangerous globals removed, and nothing run in it yet.</summary>
    public static Engine CreateEngine(Options options)
    {
        var engine = new Engine(options);
        foreach (var name in RemovedGlobals)
            engine.Global.Delete(name);
        return engine;
    }
}
