using Acornima.Ast;
using Jint;
using Jint.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// Loads the hook scripts one after another into one engine, as every engine of the pool will, and reports each
/// problem. A script with a problem is left out of the program. When none has one, the probe engine becomes the
/// pool's first engine.
/// </summary>
sealed class ScriptProbe
{
    readonly ScriptLimits limits;
    readonly Options options;
    readonly List<RuleDiagnostic> problems;
    readonly HookEngine engine;
    /// <summary>Names on <c>globalThis</c> that no script owns: the built-ins, and what failed scripts left behind.</summary>
    readonly HashSet<string> unowned;
    readonly Dictionary<string, ScriptGlobal> owners = new(StringComparer.Ordinal);
    readonly List<ScriptGlobal> globals = [];
    readonly List<Prepared<Script>> loaded = [];
    bool failed;

    public ScriptProbe(ScriptLimits limits, List<RuleDiagnostic> problems)
    {
        this.limits = limits;
        this.problems = problems;
        options = Sandbox.CreateOptions(limits);
        engine = new HookEngine(options, limits);
        unowned = [.. engine.GlobalObjectNames()];
    }

    /// <summary>Loads the next script, or reports why it cannot be loaded.</summary>
    public void Load(RuleSource source)
    {
        if (!TryPrepare(source, out var prepared))
            return;
        var declared = DeclaredNames.Of(prepared.Program ?? throw new InvalidOperationException("A prepared script has no program."), source.Path);
        if (Redeclares(declared) || !TryRun(source.Path, prepared))
            return;

        foreach (var name in declared)
            Own(name);
        // What the code made at run time, e.g. `globalThis.f = …` or a `var` inside a block.
        foreach (var name in engine.GlobalObjectNames().Where(n => !unowned.Contains(n) && !owners.ContainsKey(n)).ToList())
            Own(new ScriptGlobal(name, source.Path, 0, 0, IsLexical: false));
        loaded.Add(prepared);
    }

    /// <summary>The host of the scripts that loaded; its pool starts with the probe engine when every script loaded.</summary>
    public ScriptHost Finish()
    {
        var program = new HookProgram(limits, options, loaded, globals);
        var pool = new EnginePool(program);
        var values = engine.Resolve(program);
        var functions = new List<ScriptFunction>();
        for (var i = 0; i < globals.Count; i++)
        {
            if (!globals[i].IsClass && values[i].IsCallable())
                functions.Add(new ScriptFunction(globals[i].Name, pool, i));
        }

        if (failed)
        {
            // Scripts that failed midway may have left globals behind: the pool starts clean engines instead.
            engine.Dispose();
        }
        else
        {
            engine.Seal(program);
            engine.WarmUpCalls();
            pool.Add(engine);
        }
        return new ScriptHost(functions);
    }

    bool TryPrepare(RuleSource source, out Prepared<Script> prepared)
    {
        try
        {
            prepared = Engine.PrepareScript(source.Text, source.Path, strict: true);
            return true;
        }
        catch (ScriptPreparationException e)
        {
            Fail(ScriptDiagnostics.Syntax(source.Path, e));
            prepared = default;
            return false;
        }
    }

    bool Redeclares(List<ScriptGlobal> declared)
    {
        var duplicates = declared.Where(d => owners.ContainsKey(d.Name)).ToList();
        foreach (var duplicate in duplicates)
            Fail(ScriptDiagnostics.Duplicate(duplicate, owners[duplicate.Name]));
        return duplicates.Count > 0;
    }

    /// <summary>Runs a script's top-level code, which must neither fail nor replace another script's global.</summary>
    bool TryRun(string path, Prepared<Script> prepared)
    {
        var earlier = globals.Where(g => !g.IsLexical).Select(g => (Global: g, Value: engine.GlobalData(g.Name))).ToList();
        try
        {
            engine.Run(prepared);
            // A name assigned again, e.g. `globalThis.f = …` over another script's `function f`.
            var replaced = earlier.Where(e => !e.Value.Equals(engine.GlobalData(e.Global.Name))).ToList();
            foreach (var (global, _) in replaced)
                Fail(ScriptDiagnostics.Duplicate(new ScriptGlobal(global.Name, path, 0, 0, IsLexical: false), global));
            if (replaced.Count == 0)
                return true;
        }
        catch (Exception e)
        {
            Fail(ScriptDiagnostics.TopLevel(path, e, limits));
        }
        // What a failed script left behind belongs to no script, in particular not to the next one.
        unowned.UnionWith(engine.GlobalObjectNames());
        return false;
    }

    void Own(ScriptGlobal global)
    {
        if (owners.TryAdd(global.Name, global))
            globals.Add(global);
    }

    void Fail(RuleDiagnostic problem)
    {
        problems.Add(problem);
        failed = true;
    }
}
