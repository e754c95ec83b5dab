using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Finds allows that can never decide on a scope: at the same scope a block overrides an allow, so an
/// unconditional block there that covers all of the allow's actions always wins.
/// </summary>
static class ShadowedAllows
{
    public static IEnumerable<RuleDiagnostic> Find(IReadOnlyList<BoundRule> rules)
    {
        var blocks = rules
            .Where(bound => bound.Rule.Effect == Effect.Block && !bound.Rule.HasCondition)
            .SelectMany(bound => bound.Rule.Scopes.Distinct().Select(scope => (Scope: scope, Block: bound.Rule)))
            .ToLookup(entry => entry.Scope, entry => entry.Block);

        foreach (var (path, node, allow) in rules.Where(bound => bound.Rule.Effect == Effect.Allow))
        {
            var scopeNodes = ((AccessRuleNode)node).Scopes;
            for (var i = 0; i < allow.Scopes.Count; i++)
            {
                var scope = allow.Scopes[i];
                var block = blocks[scope]
                    .Where(block => (block.Actions.Bits & allow.Actions.Bits) == allow.Actions.Bits)
                    .MinBy(block => block, Comparer<CompiledRule>.Create(CompiledRule.CompareOrder));
                if (block is null)
                    continue;
                var position = scopeNodes[i].Position;
                yield return new RuleDiagnostic(path, position.Line, position.Column,
                    $"the allow on `{Literals.Clip(scope.ToString())}` never decides: the block at {block.Reference} always overrides it",
                    "at the same scope a block overrides an allow; give the block a condition, or remove one of the rules",
                    DiagnosticSeverity.Warning);
            }
        }
    }
}
