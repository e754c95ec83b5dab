using System.Collections.Concurrent;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// Idle engines of one host, lent to one caller at a time. An engine is started when none is idle, and at most
/// <see cref="capacity"/> wait idle; the rest are dropped when given back.
/// </summary>
sealed class EnginePool(HookProgram program)
{
    readonly ConcurrentBag<HookEngine> idle = [];
    readonly int capacity = Math.Max(2, Environment.ProcessorCount);
    int idleCount;

    /// <summary>What the engines are built from.</summary>
    public HookProgram Program => program;

    /// <summary>An idle engine, or a new one. Throws <see cref="RuleEvaluationException"/> when a new one fails to start.</summary>
    public HookEngine Rent()
    {
        if (idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref idleCount);
            return engine;
        }
        try
        {
            return HookEngine.Start(program);
        }
        catch (Exception e)
        {
            throw new RuleEvaluationException($"the hook scripts could not be started: top-level code {HookFailures.Describe(e, program.Limits, topLevel: true)}");
        }
    }

    /// <summary>Takes back an engine after a call that left it consistent, resetting it for the next call.</summary>
    public void Return(HookEngine engine)
    {
        if (engine.TryReset())
            Add(engine);
        else
            engine.Dispose();
    }

    /// <summary>Adds an engine that is ready for calls.</summary>
    public void Add(HookEngine engine)
    {
        if (Interlocked.Increment(ref idleCount) > capacity)
        {
            Interlocked.Decrement(ref idleCount);
            engine.Dispose();
            return;
        }
        idle.Add(engine);
    }
}
