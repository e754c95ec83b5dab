using System.Text.RegularExpressions;
using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary>
/// <c>expect sql …</c>: the statement as it would run, row filters merged in. Runs of white space compare
/// equal, and a final <c>;</c> is ignored; everything else must be exactly the same.
/// </summary>
internal sealed partial record SqlExpectation(int Line, string Sql) : Expectation(Line)
{
    public override string Describe() => "sql " + Normalize(Sql);

    public override string? Check(RuleTestOutcome outcome)
    {
        if (outcome.Decision.Verdict != Verdict.Allow) return $"expected {Describe()}, but the statement was blocked";
        if (outcome.RewriteError is { } error) return $"expected {Describe()}, but the row filters could not be merged: {error}";
        return Normalize(outcome.ExecutedSql) == Normalize(Sql) ? null : $"expected {Describe()}, got sql {Normalize(outcome.ExecutedSql)}";
    }

    private static string Normalize(string sql) => Spaces().Replace(sql, " ").Trim().TrimEnd(';').TrimEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
