using Acornima.Ast;
using Jint;
using Jint.Native;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// What every engine of a host is built from: the options, the scripts that loaded (parsed once, shared by all
/// engines) and the globals they define. Immutable, so any thread may build an engine from it.
/// </summary>
sealed class HookProgram
{
    /// <summary>Reads the top-level <c>let</c>, <c>const</c> and <c>class</c> bindings, which are not properties of <c>globalThis</c>.</summary>
    readonly Prepared<Script>? lexicalValues;

    public HookProgram(ScriptLimits limits, Options options, IReadOnlyList<Prepared<Script>> scripts, IReadOnlyList<ScriptGlobal> globals)
    {
        Limits = limits;
        Options = options;
        Scripts = scripts;
        Globals = globals;
        var lexical = globals.Where(g => g.IsLexical).Select(g => g.Name).ToArray();
        if (lexical.Length > 0)
            lexicalValues = Engine.PrepareScript($"[{string.Join(", ", lexical)}]", "(hook globals)", strict: true);
    }

    public ScriptLimits Limits { get; }

    public Options Options { get; }

    public IReadOnlyList<Prepared<Script>> Scripts { get; }

    public IReadOnlyList<ScriptGlobal> Globals { get; }

    /// <summary>The value of each of <see cref="Globals"/> in <paramref name="engine"/>, in order; no getter is run.</summary>
    public JsValue[] Resolve(Engine engine)
    {
        var lexical = lexicalValues is { } script ? engine.Evaluate(script).AsArray() : null;
        var values = new JsValue[Globals.Count];
        var nextLexical = 0u;
        for (var i = 0; i < values.Length; i++)
        {
            if (Globals[i].IsLexical)
            {
                values[i] = lexical![nextLexical++];
                continue;
            }
            values[i] = GlobalData(engine, Globals[i].Name);
        }
        return values;
    }

    /// <summary>The value of a property of <c>globalThis</c>, or undefined when it is missing or behind a getter.</summary>
    public static JsValue GlobalData(Engine engine, string name)
    {
        var property = engine.Global.GetOwnProperty(name);
        return property.IsDataDescriptor() && property.Value is { } value ? value : JsValue.Undefined;
    }
}
