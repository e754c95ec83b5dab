using System.Diagnostics.CodeAnalysis;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Compilation;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;
using SqlProxy.Rules.Scripting;

namespace SqlProxy.Rules;

/// <summary>Compiles rules text (and the JavaScript its conditions call) into a <see cref="RuleSet"/>.</summary>
public static class RulesCompiler
{
    /// <summary>Compiles the sources into one rule set; throws <see cref="RulesException"/> with every problem.</summary>
    /// <param name="sources">The rules files (<c>.rules</c>) and scripts (<c>.js</c>), in any order.</param>
    /// <returns>The compiled rule set.</returns>
    public static RuleSet Compile(IReadOnlyList<RuleSource> sources) => Compile(sources, ScriptLimits.Default);

    /// <summary>Compiles the sources into one rule set, its scripts' calls held to <paramref name="limits"/>; throws <see cref="RulesException"/> with every problem.</summary>
    /// <param name="sources">The rules files (<c>.rules</c>) and scripts (<c>.js</c>), in any order.</param>
    /// <param name="limits">What one call of a script function may use.</param>
    /// <returns>The compiled rule set.</returns>
    public static RuleSet Compile(IReadOnlyList<RuleSource> sources, ScriptLimits limits) =>
        TryCompile(sources, limits, out var ruleSet, out var diagnostics) ? ruleSet : throw new RulesException(diagnostics);

    /// <summary>Compiles the sources into one rule set, or reports every problem in every file.</summary>
    /// <param name="sources">The rules files (<c>.rules</c>) and scripts (<c>.js</c>), in any order.</param>
    /// <param name="ruleSet">The compiled rule set, or null when there were problems.</param>
    /// <param name="diagnostics">Every error, file by file in the order given, each file's in line order; empty on success (warnings are in <see cref="RuleSet.Warnings"/>).</param>
    /// <returns>True when the sources compiled.</returns>
    public static bool TryCompile(IReadOnlyList<RuleSource> sources, [NotNullWhen(true)] out RuleSet? ruleSet, out IReadOnlyList<RuleDiagnostic> diagnostics) =>
        TryCompile(sources, ScriptLimits.Default, out ruleSet, out diagnostics);

    /// <summary>
    /// Compiles the sources into one rule set, or reports every problem in every file. The scripts are loaded once,
    /// here; each call of one of their functions is held to <paramref name="limits"/>.
    /// </summary>
    /// <param name="sources">The rules files (<c>.rules</c>) and scripts (<c>.js</c>), in any order.</param>
    /// <param name="limits">What one call of a script function may use.</param>
    /// <param name="ruleSet">The compiled rule set, or null when there were problems.</param>
    /// <param name="diagnostics">Every error, file by file in the order given, each file's in line order; empty on success (warnings are in <see cref="RuleSet.Warnings"/>).</param>
    /// <returns>True when the sources compiled.</returns>
    public static bool TryCompile(IReadOnlyList<RuleSource> sources, ScriptLimits limits, [NotNullWhen(true)] out RuleSet? ruleSet, out IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var found = new List<RuleDiagnostic>();
        var bound = new List<BoundRule>();
        var names = new Dictionary<string, RuleReference>(StringComparer.Ordinal);
        ArgumentNullException.ThrowIfNull(limits);
        var paths = sources.Select(source => source.Path).ToHashSet(StringComparer.Ordinal);
        var scripts = ScriptHost.Prepare([.. sources.Where(Declarations.IsScript)], limits, found);

        foreach (var source in sources.Where(source => !Declarations.IsScript(source)))
        {
            var parsed = RuleParser.Parse(source.Text);
            var problems = new List<Problem>(parsed.Problems);
            foreach (var include in parsed.Includes)
                Declarations.CheckInclude(include, source.Path, paths, problems);
            foreach (var script in parsed.Scripts)
                Declarations.CheckScript(script, source.Path, paths, problems);
            var binder = new RuleBinder(source.Path, problems, new ConditionCompiler(problems, scripts));
            foreach (var node in parsed.Rules)
            {
                if (node.Name is { } name && !names.TryAdd(name, new RuleReference(source.Path, node.Position.Line, name)))
                    problems.Add(new Problem(node.Position, $"a rule named `{Literals.Clip(name)}` is already defined at {names[name]}", "give each rule its own name"));
                if (binder.Bind(node) is { } rule)
                    bound.Add(new BoundRule(source.Path, node, rule));
            }
            found.AddRange(InLineOrder(problems, source.Path));
        }

        if (found.Count > 0)
        {
            ruleSet = null;
            diagnostics = InSourceOrder(found, sources);
            return false;
        }
        ruleSet = new RuleSet(RuleSet.VersionOf(sources), [.. bound.Select(rule => rule.Rule)])
        {
            Warnings = InSourceOrder(RuleWarnings.Find(bound), sources),
        };
        diagnostics = [];
        return true;
    }

    static IEnumerable<RuleDiagnostic> InLineOrder(IEnumerable<Problem> problems, string path) => problems
        .OrderBy(problem => problem.Position.Line)
        .ThenBy(problem => problem.Position.Column)
        .Select(problem => problem.ToDiagnostic(path));

    /// <summary>Diagnostics file by file in the order the sources were given, each file's in line order.</summary>
    static List<RuleDiagnostic> InSourceOrder(IEnumerable<RuleDiagnostic> diagnostics, IReadOnlyList<RuleSource> sources)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in sources)
            order.TryAdd(source.Path, order.Count);
        return [.. diagnostics
            .OrderBy(d => order.GetValueOrDefault(d.Path, int.MaxValue))
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)];
    }
}
