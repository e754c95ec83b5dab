using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary><c>expect limit 100</c> (or <c>expect limit none</c>): the most rows a limit rule lets the statement return.</summary>
internal sealed record LimitExpectation(int Line, long? Rows) : Expectation(Line)
{
    public override string Describe() => "limit " + Text(Rows);

    public override string? Check(RuleTestOutcome outcome)
    {
        if (outcome.Decision.Verdict != Verdict.Allow) return $"expected {Describe()}, but the statement was blocked";
        return outcome.RowLimit == Rows ? null : $"expected {Describe()}, got limit {Text(outcome.RowLimit)}";
    }

    private static string Text(long? rows) => rows?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
