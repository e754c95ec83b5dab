namespace SqlProxy.Rules.Ast;

/// <summary>What a rule does to the accesses it matches.</summary>
enum Effect
{
    Allow,
    Block,
}
