namespace SqlProxy.Rules.Ast;

/// <summary>One <c>when</c> or <c>unless</c> clause of a rule.</summary>
sealed record ClauseNode(ClauseKind Kind, ExpressionNode Condition)
{
    public override string ToString() => (Kind == ClauseKind.When ? "when " : "unless ") + Condition;
}
