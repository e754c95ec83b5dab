using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Validation;

/// <summary>
/// Validates compiled rules against what they will run with — the configured databases and their live schemas,
/// the maskers, the classification labels, the row-filter predicate checker — before any request is judged.
/// </summary>
public static class RulesValidator
{
    /// <summary>
    /// Finds every problem of the rules in their environment. Errors (a name no database, schema, table or column has;
    /// an unknown masker, bad masker arguments, an unknown label, a refused filter predicate) must refuse the rules;
    /// warnings (a rule that can never decide, given the schema) are for their authors.
    /// </summary>
    /// <param name="sources">Sources that compile (<see cref="RulesCompiler.TryCompile"/>); what does not compile is skipped.</param>
    /// <param name="environment">What the rules run with; whatever it does not know is not checked.</param>
    /// <returns>Every problem, file by file in the order given, each file's in line and column order.</returns>
    public static IReadOnlyList<RuleDiagnostic> Validate(IReadOnlyList<RuleSource> sources, RulesEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(environment);
        var schemas = new SchemaIndex(environment.Databases);
        var rules = RuleFactsReader.Read(sources);
        var found = new List<RuleDiagnostic>();

        foreach (var rule in rules)
        {
            foreach (var scope in rule.Scopes)
            {
                if (ScopeNameChecker.Check(scope, rule.Path, schemas) is { } problem)
                    found.Add(problem);
            }
            if (rule.Node is MaskRuleNode mask)
                found.AddRange(MaskChecker.Check(mask, rule.Path, environment));
            if (rule.Node is FilterRuleNode filter && FilterChecker.Check(filter, rule.Path, environment) is { } refused)
                found.Add(refused);
        }
        found.AddRange(ReachabilityChecker.Check(rules, schemas));

        var order = sources.Select((source, index) => (source.Path, index)).DistinctBy(entry => entry.Path).ToDictionary(entry => entry.Path, entry => entry.index);
        return found
            .OrderBy(diagnostic => order.GetValueOrDefault(diagnostic.Path, int.MaxValue))
            .ThenBy(diagnostic => diagnostic.Line)
            .ThenBy(diagnostic => diagnostic.Column)
            .ToArray();
    }
}
