using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests;

public class ConditionTests
{
    static readonly RequestInfo Bob = Requests.For("bob", ["analyst", "readonly"], new() { ["region"] = "north", ["level"] = "5", ["code"] = "abc" });

    static bool Holds(string condition)
    {
        var decision = RuleText.Compile($"allow select on * when {condition};").Decide(Bob, Statements.Select("foo"));
        return decision.Verdict == Verdict.Allow;
    }

    [Theory]
    [InlineData("user.name == 'bob'", true)]
    [InlineData("user.name starts with 'bo'", true)]
    [InlineData("user.name starts with 'Bo'", false)]
    [InlineData("user.name ends with 'ob'", true)]
    [InlineData("user.attributes.missing starts with ''", false)]
    [InlineData("user.name matches '^b[a-z]+$'", true)]
    [InlineData("user.name matches '^B'", false)]
    [InlineData("user.attributes.missing matches '.*'", false)]
    [InlineData("user.attributes.code starts with user.name", false)]
    [InlineData("user.name == 'Bob'", false)]
    [InlineData("user.name != 'alice'", true)]
    [InlineData("user has role 'analyst'", true)]
    [InlineData("user has role 'admin'", false)]
    [InlineData("USER HAS ROLE 'analyst'", true)]
    [InlineData("User.Name == 'bob'", true)]
    [InlineData("user.roles contains 'readonly'", true)]
    [InlineData("'readonly' in user.roles", true)]
    [InlineData("'admin' not in user.roles", true)]
    [InlineData("('north', 'south') contains user.attributes.region", true)]
    [InlineData("user.attributes.region in ('north', 'south')", true)]
    [InlineData("user.attributes.region in ('east')", false)]
    [InlineData("user.attributes.region in 'north'", true)]
    [InlineData("user.attributes.Region == 'north'", true)]
    [InlineData("user.attributes.\"Region\" == 'north'", false)]
    [InlineData("user.name in ()", false)]
    [InlineData("user.name not in ()", true)]
    [InlineData("request.database == 'testdb'", true)]
    [InlineData("user.name < 'c'", true)]
    [InlineData("user.name >= 'bob'", true)]
    [InlineData("user.name > 'bob'", false)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("user.attributes.level >= 3", true)]
    [InlineData("user.attributes.level < 10", true)]
    [InlineData("user.attributes.level == 5", true)]
    [InlineData("user.attributes.level in (1, 5, 9)", true)]
    [InlineData("10 > 9", true)]
    [InlineData("-1 < 0", true)]
    [InlineData("'10' < '9'", true)]
    public void OperatorsCompareAsDocumented(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("user.attributes.missing == 'x'", false)]
    [InlineData("user.attributes.missing != 'x'", true)]
    [InlineData("user.attributes.missing in ('x', 'y')", false)]
    [InlineData("user.attributes.missing not in ('x', 'y')", true)]
    [InlineData("user.attributes.missing < 'x'", false)]
    [InlineData("user.attributes.missing >= 1", false)]
    [InlineData("user.roles contains user.attributes.missing", false)]
    [InlineData("user.attributes.missing == user.attributes.other", false)]
    public void AMissingAttributeIsNull(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("user.name == 'bob' or user.name == 'x' and user has role 'nope'", true)]
    [InlineData("(user.name == 'bob' or user.name == 'x') and user has role 'nope'", false)]
    [InlineData("not user.name == 'bob' or user has role 'analyst'", true)]
    [InlineData("not (user.name == 'bob' or user has role 'analyst')", false)]
    [InlineData("not not user has role 'analyst'", true)]
    public void AndBindsTighterThanOrAndNotTighterThanBoth(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("when user.name == 'bob' when user has role 'analyst'", true)]
    [InlineData("when user.name == 'bob' when user has role 'admin'", false)]
    [InlineData("unless user has role 'admin'", true)]
    [InlineData("unless user has role 'analyst'", false)]
    [InlineData("when user.name == 'bob' unless user has role 'readonly'", false)]
    public void EveryClauseMustHold(string clauses, bool expected)
    {
        var decision = RuleText.Compile($"allow select on * {clauses};").Decide(Bob, Statements.Select("foo"));

        Assert.Equal(expected, decision.Verdict == Verdict.Allow);
    }

    [Fact]
    public void AFailingAllowDoesNotAllowAndSaysSo()
    {
        var rules = RuleText.Compile("allow select on testdb.public.foo when user.attributes.code > 3;\nallow select on testdb;");

        var decision = rules.Decide(Bob, Statements.Select("foo"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(1, decision.Rule!.Line);
        Assert.Equal("rule at test.rules:1 could not be evaluated (`abc` is not a number), so it does not allow", decision.Reason);
    }

    [Fact]
    public void AFailingAllowGivesWayToAnAllowThatHolds()
    {
        var rules = RuleText.Compile("allow select on * when user.attributes.code > 3;\nallow select on * when user.name == 'bob';");

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Statements.Select("foo")).Verdict);
    }

    [Fact]
    public void AFailingBlockBlocksAndSaysSo()
    {
        var rules = RuleText.Compile("allow select on *;\nblock select on * when user.attributes.code < 3 because 'never shown';");

        var decision = rules.Decide(Bob, Statements.Select("foo"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
        Assert.Equal("rule at test.rules:2 could not be evaluated (`abc` is not a number), so it blocks", decision.Reason);
    }

    [Fact]
    public void ConditionsAreCompiledOnceIntoDelegates()
    {
        var rules = RuleText.Compile("allow select on * when user.name == 'bob';");

        var rule = Assert.Single(rules.Rules);
        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Statements.Select("foo")).Verdict);
        Assert.Equal(Runtime.ConditionOutcome.True, rule.Evaluate(Bob, Statements.Select("foo"), out _));
    }

    [Fact]
    public void A_pattern_that_runs_past_its_timeout_fails_closed()
    {
        var slow = Requests.For("bob", ["analyst"], new() { ["code"] = new string('a', 40) + "!" });
        var rules = RuleText.Compile("allow select on * when user.attributes.code matches '^(a+)+$';");

        var decision = rules.Decide(slow, Statements.Select("foo"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Contains("took longer than 100 ms", decision.Reason);
    }
}
