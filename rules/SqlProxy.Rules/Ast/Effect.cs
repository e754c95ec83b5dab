namespace SqlProxy.Rules.Ast;

/// <summary>What a rule does: decide an access (<see cref="Allow"/>, <see cref="Block"/>) or shape an allowed statement.</summary>
enum Effect
{
    Allow,
    Block,
    Mask,
    Filter,
    Limit,
}
