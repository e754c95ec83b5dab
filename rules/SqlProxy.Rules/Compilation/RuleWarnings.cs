namespace SqlProxy.Rules.Compilation;

/// <summary>What compiled but probably does not do what was meant: rules that never apply, allows that never decide.</summary>
static class RuleWarnings
{
    public static IEnumerable<RuleDiagnostic> Find(IReadOnlyList<BoundRule> rules)
    {
        foreach (var (path, node, _) in rules)
        {
            if (NeverTrueConditions.Find(node.Clauses) is { } problem)
                yield return problem.ToDiagnostic(path) with { Severity = DiagnosticSeverity.Warning };
        }
        foreach (var warning in ShadowedAllows.Find(rules))
            yield return warning;
    }
}
