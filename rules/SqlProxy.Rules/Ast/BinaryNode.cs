namespace SqlProxy.Rules.Ast;

/// <summary>
/// <c>left op right</c>. <c>and</c>/<c>or</c> chain to the left; comparisons do not chain, so a condition on
/// either side of one is parenthesised. <see cref="ExpressionNode.Position"/> is the operator's.
/// </summary>
sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, SourcePosition Position)
    : ExpressionNode(Position)
{
    public override Precedence Precedence => Operator.Precedence();

    public override string ToString()
    {
        var self = Precedence;
        var left = self == Precedence.Comparison ? Precedence.Atom : self;
        var right = self == Precedence.Comparison ? Precedence.Atom : self + 1;
        return $"{Left.ToString(left)} {Operator.Text()} {Right.ToString(right)}";
    }
}
