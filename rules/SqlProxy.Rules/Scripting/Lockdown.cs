using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// Freezes every object a hook can reach without making it: <c>globalThis</c>, the built-ins and their prototypes,
/// and whatever the scripts' top-level code built. A hook that tries to change any of them then fails with a
/// <c>TypeError</c> (strict mode) instead of leaving state behind for the next request.
/// </summary>
/// <remarks>
/// Walking runs no script code: no getter is called, and there are no proxies (<see cref="Sandbox"/> removes
/// <c>Proxy</c>). What freezing cannot reach is the internal state of a <c>Map</c>, <c>Set</c>, <c>Date</c> or typed
/// array, and variables captured in a closure; see <see cref="ScriptHost"/>.
/// </remarks>
static class Lockdown
{
    /// <param name="engine">The engine, after the scripts ran.</param>
    /// <param name="freeze"><c>Object.freeze</c>, taken before any script ran, so that no script can have replaced it.</param>
    /// <param name="roots">Values that are not reachable from <c>globalThis</c>: top-level <c>let</c>, <c>const</c> and <c>class</c> bindings.</param>
    public static void Freeze(Engine engine, JsValue freeze, IEnumerable<JsValue> roots)
    {
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>();
        pending.Push(engine.Global);
        foreach (var root in roots)
            Push(pending, root);

        var argument = new JsValue[1];
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
                continue;
            foreach (var (_, property) in current.GetOwnProperties())
            {
                if (property.IsAccessorDescriptor())
                {
                    Push(pending, property.Get);
                    Push(pending, property.Set);
                }
                else
                {
                    Push(pending, property.Value);
                }
            }
            Push(pending, current.Prototype);

            argument[0] = current;
            try
            {
                engine.Call(freeze, JsValue.Undefined, argument);
            }
            catch (JavaScriptException)
            {
                // A typed array with elements cannot be frozen; it stays as it is.
            }
        }
    }

    static void Push(Stack<ObjectInstance> pending, JsValue? value)
    {
        if (value is ObjectInstance instance)
            pending.Push(instance);
    }
}
