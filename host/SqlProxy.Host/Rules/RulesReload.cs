using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>What a reload did: the set now serving, the version before, and the problems that refused a new set.</summary>
internal sealed record RulesReload(bool Succeeded, RuleSet Serving, string PreviousVersion, IReadOnlyList<RuleDiagnostic> Errors);
