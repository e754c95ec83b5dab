using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Checks <c>include</c> and <c>script</c> declarations: each names a file relative to the declaring one, which must be
/// among the sources (<see cref="RuleSources.Read"/> puts it there): leaving an included file out would drop its blocks.
/// </summary>
static class Declarations
{
    public const string ScriptExtension = ".js";

    public static void CheckInclude(IncludeNode include, string path, HashSet<string> paths, List<Problem> problems)
    {
        if (Path.IsPathRooted(include.Path) || include.Path.Length == 0)
            problems.Add(new Problem(include.Position, $"`{Literals.Clip(include.Path)}` cannot be included", "name a file relative to the including file, e.g. `include 'common.rules';`"));
        else if (!paths.Contains(IncludePaths.Resolve(path, include.Path)))
            problems.Add(new Problem(include.Position, $"`{Literals.Clip(IncludePaths.Resolve(path, include.Path))}` is included but was not read",
                "read rules files with `RuleSources.Read`, which follows includes"));
    }

    public static void CheckScript(ScriptNode script, string path, HashSet<string> paths, List<Problem> problems)
    {
        if (Path.IsPathRooted(script.Path) || script.Path.Length == 0)
            problems.Add(new Problem(script.Position, $"`{Literals.Clip(script.Path)}` cannot be a script", "name a file relative to the rules file, e.g. `script 'hooks.js';`"));
        else if (!script.Path.EndsWith(ScriptExtension, StringComparison.Ordinal))
            problems.Add(new Problem(script.Position, $"`{Literals.Clip(script.Path)}` is not a JavaScript file", "a script's name ends in `.js`"));
        else if (!paths.Contains(IncludePaths.Resolve(path, script.Path)))
            problems.Add(new Problem(script.Position, $"`{Literals.Clip(IncludePaths.Resolve(path, script.Path))}` is a script but was not read",
                "read rules files with `RuleSources.Read`, which reads the scripts they name"));
    }

    public static bool IsScript(RuleSource source) => source.Path.EndsWith(ScriptExtension, StringComparison.Ordinal);
}
