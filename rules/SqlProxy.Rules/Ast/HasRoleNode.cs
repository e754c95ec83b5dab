using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary><c>user has role 'admin'</c>.</summary>
sealed record HasRoleNode(ValueList<string> Subject, string Role, SourcePosition Position) : ExpressionNode(Position)
{
    public override Precedence Precedence => Precedence.Comparison;

    public override string ToString() => $"{string.Join(".", Subject.Select(Literals.FormatName))} has role {Literals.QuoteString(Role)}";
}
