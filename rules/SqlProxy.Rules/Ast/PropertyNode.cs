using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>A dotted name such as <c>user.name</c> or <c>user.attributes.region</c>; the compiler resolves it.</summary>
sealed record PropertyNode(ValueList<string> Path, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Atom;

    public override string ToString() => string.Join(".", Path.Select(Literals.FormatName));
}
