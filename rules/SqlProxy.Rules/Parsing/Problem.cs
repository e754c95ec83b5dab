using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Parsing;

/// <summary>A problem found in one file, before it is given the file's path and becomes a <see cref="RuleDiagnostic"/>.</summary>
sealed record Problem(SourcePosition Position, string Message, string? Help = null)
{
    public RuleDiagnostic ToDiagnostic(string path) => new(path, Position.Line, Position.Column, Message, Help);
}
