using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Compilation;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Validation;

/// <summary>
/// Reads the rules of compiled sources again, keeping what compiled rules drop: where each part is written.
/// What the compiler refuses is skipped here; it is reported by the compiler.
/// </summary>
static class RuleFactsReader
{
    const int MostScopeParts = 4;

    public static IReadOnlyList<RuleFacts> Read(IReadOnlyList<RuleSource> sources)
    {
        var rules = new List<RuleFacts>();
        foreach (var source in sources.DistinctBy(source => source.Path))
        {
            foreach (var node in RuleParser.Parse(source.Text).Rules)
            {
                var scopes = ScopesOf(node)
                    .Where(scope => scope.Parts.Count <= MostScopeParts && scope.Parts.All(part => part.Length > 0))
                    .Select(scope => new PlacedScope(RuleScope.FromParts(scope.Parts), scope.Position.Line, scope.Position.Column, scope.ToString()))
                    .ToArray();
                rules.Add(new RuleFacts(source.Path, node, ActionsOf(node), scopes));
            }
        }
        return rules;
    }

    static IReadOnlyList<ScopeNode> ScopesOf(RuleNode node) => node switch
    {
        AccessRuleNode access => access.Scopes,
        MaskRuleNode mask => mask.Scopes,
        FilterRuleNode filter => filter.Scopes,
        LimitRuleNode limit => limit.Scopes,
        _ => [],
    };

    static ActionSet ActionsOf(RuleNode node)
    {
        var actions = default(ActionSet);
        if (node is AccessRuleNode access)
        {
            foreach (var action in access.Actions)
            {
                if (ActionCatalog.TryGet(action.Name, out var kinds))
                    actions = actions.Union(kinds);
            }
        }
        return actions;
    }
}
