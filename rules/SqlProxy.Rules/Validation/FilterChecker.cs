using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Compilation;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Validation;

/// <summary>Checks a row filter's predicate with the host's SQL checker, as it will be merged: placeholders as <c>$1</c>, <c>$2</c>, ….</summary>
static class FilterChecker
{
    public static RuleDiagnostic? Check(FilterRuleNode filter, string path, RulesEnvironment environment)
    {
        if (environment.CheckPredicate is not { } check || PredicateTemplate.Compile(filter.Predicate, new List<Problem>()) is not { } predicate)
            return null;
        string? problem;
        try
        {
            problem = check(predicate.Sql, predicate.Values.Count);
        }
        catch (Exception e)
        {
            problem = $"the predicate could not be checked: {e.Message}";
        }
        return problem is null
            ? null
            : new RuleDiagnostic(path, filter.Predicate.Position.Line, filter.Predicate.Position.Column, problem.TrimEnd('.'),
                "a row filter's predicate is one boolean SQL expression over the table's columns, e.g. `region = {user.attributes.region}`");
    }
}
