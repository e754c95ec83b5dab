using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary><c>include 'other.rules';</c> at the top level of a file: the path is relative to the including file.</summary>
sealed record IncludeNode(string Path, SourcePosition Position)
{
    public override string ToString() => $"include {Literals.QuoteString(Path)};";
}
