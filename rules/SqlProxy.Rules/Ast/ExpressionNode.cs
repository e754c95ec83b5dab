namespace SqlProxy.Rules.Ast;

/// <summary>A condition or a value inside one. <see cref="Position"/> is where compile errors about it point.</summary>
abstract record ExpressionNode(SourcePosition Position)
{
    public abstract Precedence Precedence { get; }

    /// <summary>Prints the node, in parentheses when it binds more loosely than <paramref name="least"/> allows.</summary>
    public string ToString(Precedence least) => Precedence < least ? $"({this})" : ToString();
}
