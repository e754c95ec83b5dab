namespace SqlProxy.Host.RuleTests;

/// <summary>How one rule test went.</summary>
/// <param name="Test">The test.</param>
/// <param name="Failures">One sentence per expectation not met (or why the test could not run); empty when it passed.</param>
/// <param name="Outcome">What the rules made of the request, or null when it could not be judged (the SQL did not parse).</param>
internal sealed record RuleTestResult(RuleTestCase Test, IReadOnlyList<string> Failures, RuleTestOutcome? Outcome)
{
    public bool Passed => Failures.Count == 0;
}
