namespace SqlProxy.Rules.Ast;

/// <summary>A truth value: <c>true</c> or <c>false</c>, e.g. <c>statement.has_where == true</c>.</summary>
sealed record BoolNode(bool Value, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Atom;

    public override string ToString() => Value ? "true" : "false";
}
