using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>
/// A call such as <c>js.isTrusted(user.name)</c>: parsed now, compiled when JavaScript hooks arrive. The path is
/// kept as written, not folded, because JavaScript names are case-sensitive.
/// </summary>
sealed record CallNode(ValueList<string> Path, ValueList<ExpressionNode> Arguments, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Atom;

    public override string ToString() => $"{string.Join(".", Path.Select(Literals.FormatWrittenName))}({Arguments})";
}
