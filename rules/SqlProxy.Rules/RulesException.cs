namespace SqlProxy.Rules;

/// <summary>Thrown when rules text cannot be read or compiled; carries every problem found.</summary>
/// <param name="diagnostics">Every problem found, in file order.</param>
public sealed class RulesException(IReadOnlyList<RuleDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; } = diagnostics;
}
