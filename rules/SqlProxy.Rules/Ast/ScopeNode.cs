using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>
/// What a rule applies to: no parts for <c>*</c>, else <c>database[.schema[.table[.column]]]</c>. The parser
/// accepts any number of parts so that the compiler can say precisely what is wrong with too many.
/// </summary>
sealed record ScopeNode(ValueList<string> Parts, SourcePosition Position)
{
    public override string ToString() => Parts.Count == 0 ? "*" : string.Join(".", Parts.Select(Literals.FormatName));
}
