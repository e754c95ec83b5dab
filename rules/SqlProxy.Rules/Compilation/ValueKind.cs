namespace SqlProxy.Rules.Compilation;

/// <summary>The static type of an expression in a condition.</summary>
enum ValueKind
{
    Condition,
    Text,
    Number,
    TextList,
    NumberList,
}
