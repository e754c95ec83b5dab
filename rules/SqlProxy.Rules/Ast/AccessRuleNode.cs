namespace SqlProxy.Rules.Ast;

/// <summary><c>allow|block actions on scopes …</c>: decides whether an access may happen.</summary>
sealed record AccessRuleNode(
    string? Name,
    Effect Effect,
    ValueList<ActionNode> Actions,
    ValueList<ScopeNode> Scopes,
    ValueList<ClauseNode> Clauses,
    string? Reason,
    SourcePosition Position)
    : RuleNode(Name, Clauses, Reason, Position)
{
    protected override string Body => $"{(Effect == Effect.Allow ? "allow" : "block")} {Actions} on {Scopes}";
}
