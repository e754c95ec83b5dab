using System.Diagnostics.CodeAnalysis;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// The JavaScript hooks of a rule set: the global functions that the scripts named by <c>script '…';</c> define, run
/// with Jint in a sandbox.
/// </summary>
/// <remarks>
/// <para>
/// The sandbox: strict mode; no CLR access at all (interop is off and arguments are converted by hand); no
/// <c>eval</c> or <c>Function</c> of strings; no <c>Atomics</c>, <c>SharedArrayBuffer</c>, <c>Proxy</c>,
/// <c>WeakRef</c>, <c>FinalizationRegistry</c> or <c>ShadowRealm</c>; time zone UTC, invariant culture. Every call
/// is limited in time (regular expressions included), allocation, statements and recursion (<see cref="ScriptLimits"/>);
/// a recursion the limit does not count meets Jint's stack guard. Top-level code runs under the same limits, but
/// with at least one second, since it may meet a cold JIT.
/// </para>
/// <para>
/// Scripts are parsed once. Each engine runs them once and is then lent to one call at a time from a pool, so a warm
/// call costs microseconds. An engine stopped by a limit is discarded, never lent again.
/// </para>
/// <para>
/// State between calls: after the scripts run, everything a hook can reach is frozen (<c>globalThis</c>, the
/// built-ins, the objects top-level code built), so a hook that assigns a global or a property, or adds to a
/// built-in, throws a <c>TypeError</c> and its condition fails closed. After each call, top-level <c>let</c>
/// bindings get their values back and pending promise jobs are dropped. What freezing cannot reach: variables
/// captured in a closure, and the contents of a <c>Map</c>, <c>Set</c>, <c>Date</c> or typed array made at top
/// level. Such state belongs to one engine of the pool and is never shared between engines, so a hook must not
/// depend on it. It lives until the engine is retired: after a failure by a limit, after 10,000 calls, or once the
/// engine's calls have allocated 16 times the memory limit of one call (which bounds what it can hold).
/// </para>
/// </remarks>
sealed class ScriptHost
{
    readonly Dictionary<string, ScriptFunction> functions;

    internal ScriptHost(IReadOnlyList<ScriptFunction> functions)
    {
        this.functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        FunctionNames = functions.Select(f => f.Name).ToArray();
    }

    /// <summary>A host with no scripts and so no functions.</summary>
    public static ScriptHost Empty { get; } = new([]);

    /// <summary>The functions the scripts define, script by script in order of definition.</summary>
    public IReadOnlyCollection<string> FunctionNames { get; }

    /// <summary>
    /// Loads the scripts into a probe engine, in order, each script's top-level code under the limits, and finds the
    /// global functions they define. Problems are added to <paramref name="problems"/>: a syntax error, top-level code
    /// that throws or goes past a limit, a name defined by two scripts. A script with a problem is left out; the
    /// functions of the others are still there. A script given twice under one path is loaded once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public static ScriptHost Prepare(IReadOnlyList<RuleSource> scripts, ScriptLimits limits, List<RuleDiagnostic> problems)
    {
        if (scripts.Count == 0)
            return Empty;
        var probe = new ScriptProbe(limits, problems);
        foreach (var script in scripts.DistinctBy(s => s.Path, StringComparer.Ordinal))
            probe.Load(script);
        return probe.Finish();
    }

    /// <summary>The function of that name, if the scripts define one.</summary>
    public bool TryGetFunction(string name, [NotNullWhen(true)] out ScriptFunction? function) =>
        functions.TryGetValue(name, out function);
}
