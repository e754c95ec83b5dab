using System.Globalization;

namespace SqlProxy.Rules.Ast;

/// <summary>An integer literal: <c>42</c>, <c>-1</c>.</summary>
sealed record NumberNode(decimal Value, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Atom;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
