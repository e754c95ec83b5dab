using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary><c>script 'hooks.js';</c> at the top level of a file: JavaScript whose functions conditions call as <c>js.name(…)</c>; the path is relative to the file.</summary>
sealed record ScriptNode(string Path, SourcePosition Position)
{
    public override string ToString() => $"script {Literals.QuoteString(Path)};";
}
