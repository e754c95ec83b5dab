namespace SqlProxy.Rules.Runtime;

/// <summary>What a rule's conditions came to for one request.</summary>
enum ConditionOutcome
{
    False,
    True,

    /// <summary>The condition threw; the rule fails closed.</summary>
    Failed,
}
