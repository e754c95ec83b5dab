using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Tests.Support;

namespace SqlProxy.Rules.Tests;

public class SyntaxTests
{
    public static IEnumerable<object[]> SyntaxCases => CaseFile.Read("Syntax.asv");

    [Theory]
    [MemberData(nameof(SyntaxCases))]
    public void RulesPrintBackCanonically(string input, string expected)
    {
        var parsed = RuleParser.Parse(input);

        Assert.Empty(parsed.Problems);
        Assert.Equal(expected, Assert.Single(parsed.Rules).ToString());
    }

    [Theory]
    [MemberData(nameof(SyntaxCases))]
    public void PrintedRulesParseToTheSameTree(string input, string expected)
    {
        _ = expected;
        var rule = Assert.Single(RuleParser.Parse(input).Rules);

        var reparsed = RuleParser.Parse(rule.ToString());

        Assert.Equal(rule, Assert.Single(reparsed.Rules));
    }

    [Fact]
    public void CommentsAndBlankLinesAreIgnored()
    {
        var parsed = RuleParser.Parse("# a comment\n\n  allow select on * ; # trailing\n# allow all on *;\nblock drop on testdb;");

        Assert.Empty(parsed.Problems);
        Assert.Equal(["allow select on *;", "block drop on testdb;"], parsed.Rules.Select(r => r.ToString()));
    }

    [Fact]
    public void ARuleStartsAtItsFirstWord()
    {
        var parsed = RuleParser.Parse("\n\n   rule 'x'\nallow select on *;\nblock select on *;");

        Assert.Equal([(3, 4), (5, 1)], parsed.Rules.Select(r => (r.Position.Line, r.Position.Column)));
    }

    [Fact]
    public void EmptyTextHasNoRules()
    {
        var parsed = RuleParser.Parse("  # nothing here\n");

        Assert.Empty(parsed.Rules);
        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void DeclarationsPrintBackAndAreNotRules()
    {
        var parsed = RuleParser.Parse("INCLUDE 'common.rules';\nScript 'it''s.js';\nallow select on *;");

        Assert.Empty(parsed.Problems);
        Assert.Equal("include 'common.rules';", Assert.Single(parsed.Includes).ToString());
        Assert.Equal("script 'it''s.js';", Assert.Single(parsed.Scripts).ToString());
        Assert.Equal((2, 1), (parsed.Scripts[0].Position.Line, parsed.Scripts[0].Position.Column));
        Assert.Single(parsed.Rules);
    }
}
