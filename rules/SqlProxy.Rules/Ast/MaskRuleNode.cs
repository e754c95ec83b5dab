using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>
/// <c>mask scopes with masker …</c> or <c>mask label 'PII.Email' with masker …</c>: exactly one of
/// <see cref="Scopes"/> and <see cref="Labels"/> has items.
/// </summary>
sealed record MaskRuleNode(
    string? Name,
    ValueList<ScopeNode> Scopes,
    ValueList<string> Labels,
    MaskerNode Masker,
    ValueList<ClauseNode> Clauses,
    string? Reason,
    SourcePosition Position)
    : RuleNode(Name, Clauses, Reason, Position)
{
    protected override string Body => Labels.Count > 0
        ? $"mask label {string.Join(", ", Labels.Select(Literals.QuoteString))} with {Masker}"
        : $"mask {Scopes} with {Masker}";
}
