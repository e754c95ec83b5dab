using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Validation;

/// <summary>What validation needs of one rule, read from its parse so that every part keeps its place.</summary>
/// <param name="Path">The rule's file.</param>
/// <param name="Node">The rule as parsed.</param>
/// <param name="Actions">For an allow or a block, the statement kinds its action words stand for; empty for other rules.</param>
/// <param name="Scopes">Its scopes (none for a label mask), in the order written.</param>
sealed record RuleFacts(string Path, RuleNode Node, ActionSet Actions, IReadOnlyList<PlacedScope> Scopes)
{
    /// <summary>Allow, block, mask, filter or limit.</summary>
    public Effect Effect => Node is AccessRuleNode access ? access.Effect : Node switch
    {
        MaskRuleNode => Effect.Mask,
        FilterRuleNode => Effect.Filter,
        _ => Effect.Limit,
    };

    /// <summary>Whether it decides accesses (an allow or a block).</summary>
    public bool Decides => Node is AccessRuleNode;

    /// <summary>Whether it has no <c>when</c> or <c>unless</c>: it matches every request.</summary>
    public bool Unconditional => Node.Clauses.Count == 0;

    /// <summary>The action words as written, e.g. <c>select, insert</c>; empty for rules other than allow and block.</summary>
    public string ActionText => Node is AccessRuleNode access ? access.Actions.ToString() : "";
}
