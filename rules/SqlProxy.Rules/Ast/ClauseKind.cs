namespace SqlProxy.Rules.Ast;

/// <summary><c>when</c> (the condition must hold) or <c>unless</c> (it must not).</summary>
enum ClauseKind
{
    When,
    Unless,
}
