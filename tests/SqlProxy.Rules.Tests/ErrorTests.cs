using SqlProxy.Rules.Tests.Support;

namespace SqlProxy.Rules.Tests;

public class ErrorTests
{
    public static IEnumerable<object[]> ErrorCases => CaseFile.Read("Errors.asv");

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void ProblemsAreReportedExactly(string input, string expected)
    {
        Assert.Equal(expected, RuleText.Problems(input));
    }
}
