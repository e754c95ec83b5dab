using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class DecisionTests
{
    static readonly RequestInfo Bob = Requests.For("bob", "analyst");

    [Fact]
    public void NoMatchingRuleDeniesAndSaysWhatWasNotAllowed()
    {
        var decision = RuleSet.Empty.Decide(Bob, Select("foo", "id"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Null(decision.Rule);
        Assert.Equal("no rule allows `select` on `testdb.public.foo` for user `bob`", decision.Reason);
        Assert.Empty(decision.BlockedColumns);
    }

    [Fact]
    public void AMatchingAllowAllowsAndNamesItsRule()
    {
        var rules = RuleText.Compile("# header\n\nallow select on testdb.public.foo;");

        var decision = rules.Decide(Bob, Select("foo", "id"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(new RuleReference("test.rules", 3, null), decision.Rule);
        Assert.Equal("allowed by rule at test.rules:3", decision.Reason);
    }

    [Theory]
    [InlineData("allow select on testdb.public.foo; block select on testdb;", Verdict.Allow)]
    [InlineData("allow select on testdb.public; block select on testdb;", Verdict.Allow)]
    [InlineData("allow select on testdb; block select on *;", Verdict.Allow)]
    [InlineData("block select on testdb.public.foo; allow select on testdb;", Verdict.Block)]
    [InlineData("allow select on testdb.public.foo.id; block select on testdb.public.foo;", Verdict.Allow)]
    [InlineData("block select on testdb.public.foo.id; allow select on testdb.public.foo;", Verdict.Block)]
    public void TheMostSpecificScopeWins(string text, Verdict expected)
    {
        Assert.Equal(expected, RuleText.Compile(text).Decide(Bob, Select("foo", "id")).Verdict);
    }

    [Theory]
    [InlineData("allow select on testdb.public.foo; block select on testdb.public.foo;")]
    [InlineData("block select on testdb.public.foo; allow select on testdb.public.foo;")]
    [InlineData("allow select on *; block all on *;")]
    [InlineData("block select on testdb.public.foo.id; allow select on testdb.public.foo.id;")]
    public void AtTheSameScopeBlockOverridesAllowWhateverTheOrder(string text)
    {
        Assert.Equal(Verdict.Block, RuleText.Compile(text).Decide(Bob, Select("foo", "id")).Verdict);
    }

    [Fact]
    public void ARuleWhoseConditionsDoNotHoldDoesNotMatchSoALessSpecificScopeDecides()
    {
        var rules = RuleText.Compile("block select on testdb.public.foo when user has role 'intern';\nallow select on testdb;");

        var decision = rules.Decide(Bob, Select("foo", "id"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
    }

    [Fact]
    public void ARuleForOtherActionsDoesNotMatch()
    {
        var rules = RuleText.Compile("block insert on testdb.public.foo;\nallow select on testdb;");

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("foo", "id")).Verdict);
    }

    [Fact]
    public void EachColumnFallsBackToTheTableOnItsOwn()
    {
        var rules = RuleText.Compile("allow select on testdb.public.foo;\nblock select on testdb.public.foo.ssn;");

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("foo", "id", "name")).Verdict);
        var decision = rules.Decide(Bob, Select("foo", "id", "ssn"));
        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
        Assert.Equal(["public.foo.ssn"], decision.BlockedColumns);
    }

    [Fact]
    public void AColumnAllowedAtTheColumnLevelNeedsNothingFromTheTable()
    {
        var rules = RuleText.Compile("allow select on testdb.public.foo.id;");

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("foo", "id")).Verdict);
        Assert.Equal(Verdict.Block, rules.Decide(Bob, Select("foo", "id", "name")).Verdict);
    }

    [Fact]
    public void OnlyColumnLevelBlocksAreListedAsBlockedColumns()
    {
        var rules = RuleText.Compile("block select on testdb.public.foo;");

        var decision = rules.Decide(Bob, Select("foo", "id", "ssn"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Empty(decision.BlockedColumns);
    }

    [Fact]
    public void TheStarColumnIsRefusedByAnyMatchingColumnLevelBlock()
    {
        var rules = RuleText.Compile(
            "allow select on testdb.public.foo;\nblock select on testdb.public.foo.ssn, testdb.public.foo.card;\nblock insert on testdb.public.foo.id;");

        var decision = rules.Decide(Bob, Select("foo", "*"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
        Assert.Equal(["public.foo.card", "public.foo.ssn"], decision.BlockedColumns);
    }

    [Fact]
    public void TheStarColumnIgnoresColumnLevelAllowsAndIsJudgedFromTheTable()
    {
        var rules = RuleText.Compile("allow select on testdb.public.foo.id;\nblock select on testdb.public.foo;");

        var decision = rules.Decide(Bob, Select("foo", "*"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
        Assert.Equal(Verdict.Allow, RuleText.Compile("allow select on testdb.public.foo.id;\nallow select on testdb;").Decide(Bob, Select("foo", "*")).Verdict);
    }

    [Fact]
    public void AnAccessWithoutColumnsStartsAtTheTable()
    {
        var rules = RuleText.Compile("allow delete on testdb.public.foo.id;\nblock delete on testdb.public.foo;");

        var decision = rules.Decide(Bob, Write(StatementKind.Delete, "foo"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
    }

    [Fact]
    public void ADatabaseLevelAccessIsJudgedByDatabaseAndEverythingRulesOnly()
    {
        var set = Statement(StatementKind.Set, OnDatabase(StatementKind.Set));

        Assert.Equal(Verdict.Block, RuleText.Compile("allow all on testdb.public;\nallow all on testdb.public.foo;").Decide(Bob, set).Verdict);
        Assert.Equal(Verdict.Allow, RuleText.Compile("allow utility on testdb;").Decide(Bob, set).Verdict);
        Assert.Equal(Verdict.Allow, RuleText.Compile("allow utility on *;").Decide(Bob, set).Verdict);
        Assert.Equal(Verdict.Block, RuleText.Compile("allow utility on otherdb;").Decide(Bob, set).Verdict);
        Assert.Equal(Verdict.Block, RuleText.Compile("allow utility on *;\nblock utility on testdb;").Decide(Bob, set).Verdict);
    }

    [Fact]
    public void ADatabaseLevelAccessIsForTheRequestsDatabase()
    {
        var rules = RuleText.Compile("allow all on otherdb;");
        var set = Statement(StatementKind.Set, OnDatabase(StatementKind.Set));

        Assert.Equal(Verdict.Allow, rules.Decide(Requests.For("bob", [], [], database: "otherdb"), set).Verdict);
        var denied = rules.Decide(Bob, set);
        Assert.Equal("no rule allows `set` on database `testdb` for user `bob`", denied.Reason);
    }

    [Fact]
    public void AStatementThatListsNoAccessIsJudgedOnTheDatabaseAsItsKind()
    {
        var rules = RuleText.Compile("allow select on testdb;");

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Statement(StatementKind.Select)).Verdict);
        Assert.Equal(Verdict.Block, rules.Decide(Bob, Statement(StatementKind.Drop)).Verdict);
    }

    [Fact]
    public void EveryAccessMustBeAllowedAndTheFirstBlockedOneDecides()
    {
        var rules = RuleText.Compile(
            "allow select on testdb.public.a;\nblock select on testdb.public.b.x;\nblock select on testdb.public.c.y because 'no y';\nallow select on testdb.public.b, testdb.public.c;");
        var statement = Statement(StatementKind.Select,
            Access(StatementKind.Select, "a", "id"),
            Access(StatementKind.Select, "b", "x"),
            Access(StatementKind.Select, "c", "y"));

        var decision = rules.Decide(Bob, statement);

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(2, decision.Rule!.Line);
        Assert.Equal("blocked by rule at test.rules:2", decision.Reason);
        Assert.Equal(["public.b.x", "public.c.y"], decision.BlockedColumns);
    }

    [Fact]
    public void AnAllowNamesTheRuleThatAllowedTheFirstAccess()
    {
        var rules = RuleText.Compile("allow select on testdb.public.b;\nrule 'reads a' allow select on testdb.public.a because 'a is public';");
        var statement = Statement(StatementKind.Select, Access(StatementKind.Select, "a", "id"), Access(StatementKind.Select, "b", "id"));

        var decision = rules.Decide(Bob, statement);

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(new RuleReference("test.rules", 2, "reads a"), decision.Rule);
        Assert.Equal("a is public", decision.Reason);
        Assert.Empty(decision.BlockedColumns);
    }

    [Fact]
    public void ABlockGivesItsReasonOrNamesItself()
    {
        Assert.Equal("not today", RuleText.Compile("block all on * because 'not today';").Decide(Bob, Select("foo")).Reason);
        Assert.Equal("blocked by rule `nope` at x/y.rules:1",
            RuleText.Compile("rule 'nope' block all on *;", "x/y.rules").Decide(Bob, Select("foo")).Reason);
    }

    [Fact]
    public void SeveralMatchingRulesAtOneLevelReportTheFirstInTheFile()
    {
        var rules = RuleText.Compile("block select on *;\nblock all on *;\nallow select on *;");

        Assert.Equal(1, rules.Decide(Bob, Select("foo")).Rule!.Line);
    }

    [Theory]
    [InlineData("testdb.public.foo", "foo", Verdict.Allow)]
    [InlineData("testdb.public.Foo", "foo", Verdict.Allow)]
    [InlineData("testdb.public.\"Foo\"", "Foo", Verdict.Allow)]
    [InlineData("testdb.public.\"Foo\"", "foo", Verdict.Block)]
    [InlineData("testdb.public.foo", "Foo", Verdict.Block)]
    public void BareNamesFoldToLowerCaseAndQuotedNamesAreExact(string scope, string table, Verdict expected)
    {
        Assert.Equal(expected, RuleText.Compile($"allow select on {scope};").Decide(Bob, Select(table, "id")).Verdict);
    }

    [Theory]
    [InlineData("ddl", StatementKind.CreateTable, true)]
    [InlineData("ddl", StatementKind.Drop, true)]
    [InlineData("ddl", StatementKind.Grant, true)]
    [InlineData("ddl", StatementKind.Truncate, false)]
    [InlineData("create", StatementKind.CreateIndex, true)]
    [InlineData("create", StatementKind.CreateOther, true)]
    [InlineData("create", StatementKind.Drop, false)]
    [InlineData("alter", StatementKind.AlterTable, true)]
    [InlineData("alter", StatementKind.AlterOther, true)]
    [InlineData("write", StatementKind.Merge, true)]
    [InlineData("write", StatementKind.Copy, true)]
    [InlineData("write", StatementKind.Select, false)]
    [InlineData("utility", StatementKind.Vacuum, true)]
    [InlineData("utility", StatementKind.Explain, true)]
    [InlineData("utility", StatementKind.Drop, false)]
    [InlineData("all", StatementKind.OtherUtility, true)]
    [InlineData("select, drop", StatementKind.Drop, true)]
    [InlineData("comment", StatementKind.Comment, true)]
    public void ActionsStandForStatementKinds(string actions, StatementKind kind, bool allowed)
    {
        var decision = RuleText.Compile($"allow {actions} on testdb;").Decide(Bob, Write(kind, "foo"));

        Assert.Equal(allowed ? Verdict.Allow : Verdict.Block, decision.Verdict);
    }

    [Fact]
    public void ARuleCanNameScopesAtSeveralLevels()
    {
        var rules = RuleText.Compile("allow select on testdb.public.foo.id, otherdb;");

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("foo", "id")).Verdict);
        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("otherdb.x.y", "z")).Verdict);
        Assert.Equal(Verdict.Block, rules.Decide(Bob, Select("foo", "name")).Verdict);
    }

    [Fact]
    public void DecideNeverThrows()
    {
        var rules = RuleText.Compile("allow select on * when user.name == 'bob';");

        var decision = rules.Decide(null!, null!);
        var noUser = rules.Decide(new RequestInfo("r", null!, "testdb", null, default), Select("foo"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.StartsWith("the statement could not be judged", decision.Reason);
        Assert.Equal(Verdict.Block, noUser.Verdict);
    }
}
