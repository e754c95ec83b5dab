using System.Diagnostics.CodeAnalysis;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Compilation;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules;

/// <summary>Compiles rules text into a <see cref="RuleSet"/>.</summary>
public static class RulesCompiler
{
    /// <summary>Compiles the sources into one rule set; throws <see cref="RulesException"/> with every problem.</summary>
    /// <param name="sources">The rules files, in any order.</param>
    /// <returns>The compiled rule set.</returns>
    public static RuleSet Compile(IReadOnlyList<RuleSource> sources) =>
        TryCompile(sources, out var ruleSet, out var diagnostics) ? ruleSet : throw new RulesException(diagnostics);

    /// <summary>Compiles the sources into one rule set, or reports every problem in every file.</summary>
    /// <param name="sources">The rules files, in any order.</param>
    /// <param name="ruleSet">The compiled rule set, or null when there were problems.</param>
    /// <param name="diagnostics">Every problem, file by file in the order given, each file's in line order; empty on success.</param>
    /// <returns>True when the sources compiled.</returns>
    public static bool TryCompile(IReadOnlyList<RuleSource> sources, [NotNullWhen(true)] out RuleSet? ruleSet, out IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var found = new List<RuleDiagnostic>();
        var rules = new List<CompiledRule>();
        var names = new Dictionary<string, RuleReference>(StringComparer.Ordinal);
        var paths = sources.Select(source => source.Path).ToHashSet(StringComparer.Ordinal);

        foreach (var source in sources)
        {
            var parsed = RuleParser.Parse(source.Text);
            var problems = new List<Problem>(parsed.Problems);
            foreach (var include in parsed.Includes)
                CheckInclude(include, source.Path, paths, problems);
            foreach (var node in parsed.Rules)
            {
                if (node.Name is { } name && !names.TryAdd(name, new RuleReference(source.Path, node.Position.Line, name)))
                    problems.Add(new Problem(node.Position, $"a rule named `{Literals.Clip(name)}` is already defined at {names[name]}", "give each rule its own name"));
                if (RuleBinder.Bind(node, source.Path, problems) is { } rule)
                    rules.Add(rule);
            }
            found.AddRange(problems
                .OrderBy(problem => problem.Position.Line)
                .ThenBy(problem => problem.Position.Column)
                .Select(problem => problem.ToDiagnostic(source.Path)));
        }

        if (found.Count > 0)
        {
            ruleSet = null;
            diagnostics = found;
            return false;
        }
        ruleSet = new RuleSet(RuleSet.VersionOf(sources), rules);
        diagnostics = [];
        return true;
    }

    /// <summary>An included file must be among the sources (<see cref="RuleSources.Read"/> puts it there): leaving it out would drop its blocks.</summary>
    static void CheckInclude(IncludeNode include, string path, HashSet<string> paths, List<Problem> problems)
    {
        if (Path.IsPathRooted(include.Path) || include.Path.Length == 0)
            problems.Add(new Problem(include.Position, $"`{Literals.Clip(include.Path)}` cannot be included", "name a file relative to the including file, e.g. `include 'common.rules';`"));
        else if (!paths.Contains(IncludePaths.Resolve(path, include.Path)))
            problems.Add(new Problem(include.Position, $"`{Literals.Clip(IncludePaths.Resolve(path, include.Path))}` is included but was not read",
                "read rules files with `RuleSources.Read`, which follows includes"));
    }
}
