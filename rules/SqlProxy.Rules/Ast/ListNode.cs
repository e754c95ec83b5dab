namespace SqlProxy.Rules.Ast;

/// <summary>
/// A list literal: <c>('north', 'south')</c> or <c>()</c>. One value in parentheses is just that value (the
/// compiler lets <c>x in ('a')</c> mean a one-item list), so the parser never makes a one-item list.
/// </summary>
sealed record ListNode(ValueList<ExpressionNode> Items, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Atom;

    public override string ToString() => $"({Items})";
}
