using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>The masker a mask rule names, e.g. <c>partial(keep_last = 4)</c>; without arguments it prints without parentheses.</summary>
sealed record MaskerNode(string Name, ValueList<MaskArgumentNode> Arguments, SourcePosition Position)
{
    public override string ToString() =>
        Arguments.Count == 0 ? Literals.FormatName(Name) : $"{Literals.FormatName(Name)}({Arguments})";
}
