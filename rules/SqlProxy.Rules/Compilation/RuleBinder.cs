using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>Checks one parsed rule — its actions, scopes and conditions — and compiles it, or reports every problem in it.</summary>
static class RuleBinder
{
    const int MostScopeParts = 4;

    public static CompiledRule? Bind(RuleNode node, string path, List<Problem> problems)
    {
        var before = problems.Count;

        var actions = default(ActionSet);
        foreach (var action in node.Actions)
        {
            if (ActionCatalog.TryGet(action.Name, out var kinds))
                actions = actions.Union(kinds);
            else
                problems.Add(new Problem(action.Position, $"`{Literals.Clip(action.Name)}` is not an action",
                    Suggestions.DidYouMean(action.Name, ActionCatalog.Names)
                        ?? "the actions are " + string.Join(", ", ActionCatalog.Names.Select(name => $"`{name}`"))));
        }

        var scopes = new List<RuleScope>();
        foreach (var scope in node.Scopes)
        {
            if (scope.Parts.Count > MostScopeParts)
                problems.Add(new Problem(scope.Position, $"`{Literals.Clip(scope.ToString())}` has too many parts for a scope",
                    "a scope is `*`, `database`, `database.schema`, `database.schema.table` or `database.schema.table.column`"));
            else if (scope.Parts.Any(part => part.Length == 0))
                problems.Add(new Problem(scope.Position, "a name in a scope cannot be empty"));
            else
                scopes.Add(RuleScope.FromParts(scope.Parts));
        }

        new ConditionCompiler(problems).TryCompile(node.Clauses, out var condition);

        if (problems.Count > before)
            return null;
        return new CompiledRule(
            new RuleReference(path, node.Position.Line, node.Name),
            node.Position.Column,
            node.Effect,
            actions,
            scopes,
            condition,
            node.Reason);
    }
}
