using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>A string literal: <c>'north'</c>.</summary>
sealed record TextNode(string Value, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Atom;

    public override string ToString() => Literals.QuoteString(Value);
}
