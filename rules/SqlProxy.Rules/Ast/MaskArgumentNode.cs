using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>One named masker argument: <c>keep_last = 4</c>. <see cref="Value"/> is a <see cref="TextNode"/> or a <see cref="NumberNode"/>.</summary>
sealed record MaskArgumentNode(string Name, ExpressionNode Value, SourcePosition Position)
{
    public override string ToString() => $"{Literals.FormatName(Name)} = {Value}";
}
