namespace SqlProxy.Rules.Ast;

/// <summary><c>not &lt;condition&gt;</c>.</summary>
sealed record NotNode(ExpressionNode Operand, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Not;

    // Anything but a single value is parenthesised: `not (user.name == 'x')` reads better than without.
    public override string ToString() => "not " + Operand.ToString(Precedence.Atom);
}
