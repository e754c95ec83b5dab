namespace SqlProxy.Rules.Ast;

/// <summary>An action word as written (lower-cased), e.g. <c>select</c> or <c>ddl</c>; the compiler checks it.</summary>
sealed record ActionNode(string Name, SourcePosition Position)
{
    public override string ToString() => Name;
}
