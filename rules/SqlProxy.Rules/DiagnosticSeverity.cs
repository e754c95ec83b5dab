namespace SqlProxy.Rules;

/// <summary>How serious a <see cref="RuleDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The rules cannot be used: the load is refused.</summary>
    Error,

    /// <summary>The rules work, but probably not as meant (a condition that can never hold, a rule that never decides).</summary>
    Warning,
}
