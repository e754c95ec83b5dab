using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>What a reload did: the set now serving, the version before, the errors that refused a new set, and the warnings.</summary>
/// <param name="Succeeded">Whether the new set was swapped in.</param>
/// <param name="Serving">The set serving now: the new one, or the old one when the new was refused.</param>
/// <param name="PreviousVersion">The version that served before the reload.</param>
/// <param name="Errors">Every error of a refused set; empty on success.</param>
/// <param name="Warnings">The warnings of the new text, and what could not be checked, one line each.</param>
internal sealed record RulesReload(bool Succeeded, RuleSet Serving, string PreviousVersion, IReadOnlyList<RuleDiagnostic> Errors, IReadOnlyList<string> Warnings);
