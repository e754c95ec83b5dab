using SqlProxy.Rules.Tests.Support;

namespace SqlProxy.Rules.Tests;

public class WarningTests
{
    public static IEnumerable<object[]> WarningCases => CaseFile.Read("Warnings.asv");

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void WarningsAreReportedExactly(string input, string expected)
    {
        Assert.Equal(expected, RuleText.Warnings(input));
    }

    [Fact]
    public void TheSamplePolicyHasNoWarnings()
    {
        Assert.Empty(Samples.DemoPolicy().Warnings);
    }

    [Fact]
    public void AWarningPrintsAsSuch()
    {
        var warning = Assert.Single(RuleText.Compile("\nallow select on * when user.name in ();", "p.rules").Warnings);

        Assert.Equal("p.rules:2:24: warning: `user.name in ()` is never true, so the rule never applies\n  help: remove the rule, or fix its condition", warning.ToString());
    }

    [Fact]
    public void WarningsComeFileByFileInLineOrderAndDoNotStopTheRules()
    {
        var rules = RulesCompiler.Compile(
        [
            new RuleSource("b.rules", "allow select on * when 1 == 2;\nblock select on testdb;"),
            new RuleSource("a.rules", "allow select on testdb;\nallow insert on * when user.name in ();"),
        ]);

        Assert.Equal(["b.rules:1", "a.rules:1", "a.rules:2"], rules.Warnings.Select(w => $"{w.Path}:{w.Line}"));
        Assert.Equal(4, rules.Count);
    }
}
