using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>The outcome of reading, compiling and validating rules files.</summary>
/// <param name="Rules">The rule set, or null when there were errors.</param>
/// <param name="Files">How many files were read.</param>
/// <param name="Errors">Every error: the rules must not be used.</param>
/// <param name="Warnings">Every warning of the compiler and the validator.</param>
/// <param name="NotChecked">What could not be checked (a database whose schema could not be read), one sentence each.</param>
/// <param name="Sources">The text the rule set was compiled from (empty when the files could not be read).</param>
internal sealed record RulesLoad(
    RuleSet? Rules,
    int Files,
    IReadOnlyList<RuleDiagnostic> Errors,
    IReadOnlyList<RuleDiagnostic> Warnings,
    IReadOnlyList<string> NotChecked,
    IReadOnlyList<RuleSource> Sources)
{
    /// <summary>The warnings and what was not checked, as the reload response and the logs show them.</summary>
    public IReadOnlyList<string> WarningLines => [.. Warnings.Select(warning => warning.ToString()), .. NotChecked];
}
