namespace SqlProxy.Rules.Ast;

/// <summary><c>limit rows on scopes …</c>: caps the rows a SELECT on the scopes returns. The compiler checks that the number is positive.</summary>
sealed record LimitRuleNode(
    string? Name,
    NumberNode Rows,
    ValueList<ScopeNode> Scopes,
    ValueList<ClauseNode> Clauses,
    string? Reason,
    SourcePosition Position)
    : RuleNode(Name, Clauses, Reason, Position)
{
    protected override string Body => $"limit {Rows} on {Scopes}";
}
