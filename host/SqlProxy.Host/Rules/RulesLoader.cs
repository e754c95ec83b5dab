using SqlProxy.Rules;
using SqlProxy.Rules.Validation;

namespace SqlProxy.Host.Rules;

/// <summary>Reads, compiles and validates rules files: the one way the proxy and the <c>rules</c> commands load rules.</summary>
internal static class RulesLoader
{
    /// <param name="paths">Rules files or directories.</param>
    /// <param name="displayBase">The directory reported paths are relative to.</param>
    /// <param name="environment">What the rules are validated against.</param>
    /// <param name="notChecked">What the environment could not check, carried into the result.</param>
    public static RulesLoad Load(IEnumerable<string> paths, string displayBase, RulesEnvironment environment, IReadOnlyList<string> notChecked)
    {
        IReadOnlyList<RuleSource> sources;
        try
        {
            sources = RuleSources.Read(paths, displayBase);
        }
        catch (RulesException e)
        {
            return new RulesLoad(null, 0, e.Diagnostics, [], notChecked, []);
        }

        if (!RulesCompiler.TryCompile(sources, out var ruleSet, out var diagnostics))
            return new RulesLoad(null, sources.Count, Only(diagnostics, DiagnosticSeverity.Error), Only(diagnostics, DiagnosticSeverity.Warning), notChecked, sources);

        var found = RulesValidator.Validate(sources, environment);
        var errors = Only(found, DiagnosticSeverity.Error);
        var warnings = ruleSet.Warnings.Concat(Only(found, DiagnosticSeverity.Warning)).ToArray();
        return new RulesLoad(errors.Count == 0 ? ruleSet : null, sources.Count, errors, warnings, notChecked, sources);
    }

    /// <summary>The errors of rules already compiled, validated against another environment (e.g. a new plugin set).</summary>
    public static IReadOnlyList<RuleDiagnostic> Errors(IReadOnlyList<RuleSource> sources, RulesEnvironment environment) =>
        Only(RulesValidator.Validate(sources, environment), DiagnosticSeverity.Error);

    private static IReadOnlyList<RuleDiagnostic> Only(IReadOnlyList<RuleDiagnostic> diagnostics, DiagnosticSeverity severity) =>
        diagnostics.Where(diagnostic => diagnostic.Severity == severity).ToArray();
}
