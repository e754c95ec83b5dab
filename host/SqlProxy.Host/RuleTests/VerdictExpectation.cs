using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary><c>expect allow</c> or <c>expect block</c>, optionally <c>by</c> the deciding rule.</summary>
internal sealed record VerdictExpectation(int Line, Verdict Verdict, DecidingRule? By) : Expectation(Line)
{
    public override string Describe() => Word(Verdict) + (By is null ? "" : $" by {By}");

    public override string? Check(RuleTestOutcome outcome)
    {
        var decision = outcome.Decision;
        if (decision.Verdict == Verdict && (By is null || By.Matches(decision.Rule))) return null;
        return $"expected {Describe()}, got {Word(decision.Verdict)} by {DecidingRule.Describe(decision.Rule)}: {decision.Reason}";
    }

    private static string Word(Verdict verdict) => verdict == Verdict.Allow ? "allow" : "block";
}
