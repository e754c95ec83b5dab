using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// One engine: the scripts have run in it, everything reachable is frozen, and a snapshot of its global scope is
/// kept to return to after every call. Not thread-safe: <see cref="EnginePool"/> lends it to one caller at a time.
/// </summary>
sealed class HookEngine : IDisposable
{
    /// <summary>
    /// Calls after which an engine is retired rather than reused. It bounds how long state that freezing cannot reach
    /// (a closure's variables, a <c>Map</c>'s entries) lives.
    /// </summary>
    const int CallsPerEngine = 10_000;

    /// <summary>
    /// An engine is also retired once its calls have allocated this many times what one call may. Memory that such
    /// state holds on to was allocated by calls, so this bounds how far it can grow.
    /// </summary>
    const int CallAllocationsPerEngine = 16;

    /// <summary>
    /// Top-level code runs once per engine, and on the first engine of a process before the JIT has compiled Jint:
    /// give it at least this long, so that a cold start does not fail a script that is fast once warm.
    /// </summary>
    static readonly TimeSpan TopLevelTimeout = TimeSpan.FromSeconds(1);

    readonly Engine engine;
    readonly JsValue freeze;
    readonly HookDeadline deadline;
    readonly long allocationBudget;
    JsValue[] values = [];
    GlobalSnapshot? snapshot;
    int calls;
    long allocated;

    /// <summary>A fresh engine, with no script run yet.</summary>
    public HookEngine(Options options, ScriptLimits limits)
    {
        engine = Sandbox.CreateEngine(options);
        freeze = engine.Intrinsics.Object.Get("freeze");
        deadline = engine.Constraints.Find<HookDeadline>() ?? throw new InvalidOperationException("The hook engine has no deadline.");
        deadline.Budget = TopLevelLimits(limits).Timeout;
        allocationBudget = limits.MemoryBytes < long.MaxValue / CallAllocationsPerEngine ? limits.MemoryBytes * CallAllocationsPerEngine : long.MaxValue;
    }

    /// <summary>The limits of top-level code: those of a call, but with at least <see cref="TopLevelTimeout"/>.</summary>
    public static ScriptLimits TopLevelLimits(ScriptLimits limits) =>
        limits.Timeout >= TopLevelTimeout ? limits : limits with { Timeout = TopLevelTimeout };

    /// <summary>An engine ready for calls: every script of the program run, then <see cref="Seal"/>ed.</summary>
    public static HookEngine Start(HookProgram program)
    {
        var started = new HookEngine(program.Options, program.Limits);
        try
        {
            foreach (var script in program.Scripts)
                started.Run(script);
            started.Seal(program);
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    /// <summary>Runs a script's top-level code; throws what Jint throws when it fails.</summary>
    public void Run(Prepared<Script> script) => engine.Execute(script);

    /// <summary>The names of the properties of <c>globalThis</c>.</summary>
    public IEnumerable<string> GlobalObjectNames() => engine.Global.GetOwnPropertyKeys(Types.String).Select(key => key.ToString());

    /// <summary>The value of a property of <c>globalThis</c>; no getter is run.</summary>
    public JsValue GlobalData(string name) => HookProgram.GlobalData(engine, name);

    /// <summary>The values of the program's globals in this engine.</summary>
    public JsValue[] Resolve(HookProgram program) => program.Resolve(engine);

    /// <summary>Freezes everything reachable, takes the snapshot that each call returns to, and gives calls their own time limit.</summary>
    public void Seal(HookProgram program)
    {
        values = Resolve(program);
        Lockdown.Freeze(engine, freeze, values);
        snapshot = engine.Advanced.CaptureGlobalSnapshot();
        deadline.Budget = program.Limits.Timeout;
    }

    /// <summary>Calls the global at <paramref name="index"/> of the program, under the limits.</summary>
    public JsValue Call(int index, object?[] arguments, string hook)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return engine.Call(values[index], JsValue.Undefined, JsArguments.From(engine, arguments, hook));
        }
        finally
        {
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    /// <summary>Runs <see cref="WarmUp"/> through the whole call path, then resets as after any call.</summary>
    public void WarmUpCalls()
    {
        var function = engine.Evaluate(WarmUp.Function);
        engine.Call(function, JsValue.Undefined, JsArguments.From(engine, WarmUp.Arguments, "warm-up"));
        TryReset();
    }

    /// <summary>
    /// Undoes what a call did to the global scope: top-level <c>let</c> bindings get their values back and queued
    /// promise jobs are dropped. False when the engine should be retired instead of reused.
    /// </summary>
    public bool TryReset()
    {
        try
        {
            engine.Advanced.RestoreGlobalSnapshot(snapshot!);
        }
        catch (Exception)
        {
            // An engine that cannot be reset is only retired: the caller has its answer already.
            return false;
        }
        return ++calls < CallsPerEngine && allocated < allocationBudget;
    }

    /// <inheritdoc/>
    public void Dispose() => engine.Dispose();
}
