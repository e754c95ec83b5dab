using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>
/// <c>filter tables where 'predicate' …</c>: reads of the tables see only the rows the SQL predicate keeps.
/// The predicate is kept as written; its placeholders are read by the compiler.
/// </summary>
sealed record FilterRuleNode(
    string? Name,
    ValueList<ScopeNode> Scopes,
    TextNode Predicate,
    ValueList<ClauseNode> Clauses,
    string? Reason,
    SourcePosition Position)
    : RuleNode(Name, Clauses, Reason, Position)
{
    protected override string Body => $"filter {Scopes} where {Literals.QuoteString(Predicate.Value)}";
}
