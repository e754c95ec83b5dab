using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary>
/// <c>expect masked email, phone</c> (or <c>expect masked none</c>): exactly these result columns are masked by
/// column masks, through their provenance. Label masks depend on the data, so they are not judged here.
/// </summary>
internal sealed record MaskedExpectation(int Line, IReadOnlyList<string> Columns) : Expectation(Line)
{
    public override string Describe() => "masked " + List(Columns);

    public override string? Check(RuleTestOutcome outcome)
    {
        if (outcome.Decision.Verdict != Verdict.Allow) return $"expected {Describe()}, but the statement was blocked";
        var masked = outcome.MaskedColumns;
        return masked.Order(StringComparer.Ordinal).SequenceEqual(Columns.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            ? null
            : $"expected {Describe()}, got masked {List(masked)}";
    }

    private static string List(IReadOnlyList<string> columns) => columns.Count == 0 ? "none" : string.Join(", ", columns);
}
