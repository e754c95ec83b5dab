using System.Text.RegularExpressions;
using Acornima;
using Jint;
using Jint.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>The problems a hook script can have when it loads, told as rules diagnostics.</summary>
static partial class ScriptDiagnostics
{
    /// <summary>E.g. <c>hooks.js:2:11: unexpected token `;`</c>.</summary>
    public static RuleDiagnostic Syntax(string path, ScriptPreparationException e)
    {
        if (e.InnerException is not ParseErrorException parse)
            return new RuleDiagnostic(path, 0, 0, $"the script could not be read ({e.Message})");
        var message = Quoted().Replace(parse.Description, "`$1`");
        message = message.Length == 0 ? "syntax error" : char.ToLowerInvariant(message[0]) + message[1..];
        var help = parse.Description.Contains("strict mode", StringComparison.OrdinalIgnoreCase) ? "hook scripts always run in strict mode" : null;
        return new RuleDiagnostic(path, parse.LineNumber, parse.Column + 1, message, help);
    }

    /// <summary>A global that <paramref name="again"/>'s script defines after <paramref name="first"/>'s already did.</summary>
    public static RuleDiagnostic Duplicate(ScriptGlobal again, ScriptGlobal first) =>
        new(again.Path, again.Line, again.Column, $"`{again.Name}` is already defined in `{first.Path}`",
            "the hook scripts share one global scope: rename one of them");

    /// <summary>Top-level code that threw (told where) or went past a limit (told of the whole file).</summary>
    public static RuleDiagnostic TopLevel(string path, Exception e, ScriptLimits limits)
    {
        var failure = $"top-level code {HookFailures.Describe(e, limits, topLevel: true)}";
        if (e is JavaScriptException thrown)
        {
            var start = thrown.Location.Start;
            return thrown.Location.SourceFile == path && start.Line > 0
                ? new RuleDiagnostic(path, start.Line, start.Column + 1, failure)
                : new RuleDiagnostic(path, 0, 0, failure);
        }
        return new RuleDiagnostic(path, 0, 0, failure,
            "top-level code runs as each engine starts, under the hooks' limits: keep it to definitions and small tables");
    }

    /// <summary>A name the parser quotes, as in <c>Unexpected token ';'</c>.</summary>
    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
