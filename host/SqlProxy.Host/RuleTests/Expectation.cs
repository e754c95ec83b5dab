namespace SqlProxy.Host.RuleTests;

/// <summary>One <c>expect</c> line of a rule test.</summary>
/// <param name="Line">Where it is written.</param>
internal abstract record Expectation(int Line)
{
    /// <summary>What is expected, as the line says it (e.g. <c>allow by 'analysts read'</c>).</summary>
    public abstract string Describe();

    /// <summary>Null when the outcome meets the expectation, else one sentence saying what happened instead.</summary>
    public abstract string? Check(RuleTestOutcome outcome);
}
