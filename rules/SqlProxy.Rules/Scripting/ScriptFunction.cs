using Jint;
using Jint.Runtime;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// A global function of the hook scripts that a condition can call. Safe to call from many threads at once: each
/// call borrows an engine of its own from the pool.
/// </summary>
sealed class ScriptFunction
{
    readonly EnginePool pool;
    readonly int index;

    internal ScriptFunction(string name, EnginePool pool, int index)
    {
        Name = name;
        this.pool = pool;
        this.index = index;
    }

    /// <summary>The function's global name.</summary>
    public string Name { get; }

    /// <summary>
    /// Calls the hook and returns the boolean it returned. Arguments may be null, strings, booleans, numbers
    /// (<see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="decimal"/>) and lists of strings, which
    /// arrive as JavaScript arrays.
    /// </summary>
    /// <exception cref="RuleEvaluationException">
    /// The hook threw, went past a limit, or returned something other than a boolean. Nothing else is thrown.
    /// </exception>
    public bool Invoke(object?[] arguments)
    {
        var engine = pool.Rent();
        var consistent = true;
        try
        {
            var result = engine.Call(index, arguments, Name);
            if (result.IsBoolean())
                return result.AsBoolean();
            throw new RuleEvaluationException($"hook `{Name}` returned {HookFailures.Value(result)}, not `true` or `false`");
        }
        catch (JavaScriptException e)
        {
            var place = HookFailures.Place(e) is { } at ? $" at {at}" : "";
            throw new RuleEvaluationException($"hook `{Name}` {HookFailures.Describe(e, pool.Program.Limits)}{place}");
        }
        catch (Exception e) when (e is not RuleEvaluationException)
        {
            // Stopped midway, the engine may hold half-done work: it is not lent again.
            consistent = false;
            throw new RuleEvaluationException($"hook `{Name}` {HookFailures.Describe(e, pool.Program.Limits)}");
        }
        finally
        {
            if (consistent)
                pool.Return(engine);
            else
                engine.Dispose();
        }
    }
}
