using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class RowLimitTests
{
    const string AllowAll = "allow all on testdb;\n";
    static readonly RequestInfo Bob = Requests.For("bob", "analyst");

    [Fact]
    public void TheSmallestMatchingLimitWins()
    {
        var rules = RuleText.Compile(AllowAll +
            "limit 1000 on *;\nrule 'tight' limit 10 on testdb.public.orders when user has role 'analyst';\nlimit 5 on testdb.public.orders when user has role 'admin';\nlimit 50 on testdb.public;");

        var decision = rules.Decide(Bob, Select("orders", "id"));

        Assert.Equal(10, decision.RowLimit);
        Assert.Equal(new RuleReference("test.rules", 3, "tight"), decision.LimitRule);
    }

    [Fact]
    public void ALimitCoversTheRelationsASelectReads()
    {
        var rules = RuleText.Compile(AllowAll + "limit 7 on testdb.public.customers;");
        var join = Statement(StatementKind.Select, Access(StatementKind.Select, "orders", "id")) with { RelationsRead = [Table("orders"), Table("customers")] };

        Assert.Equal(7, rules.Decide(Bob, join).RowLimit);
        Assert.Null(rules.Decide(Bob, Select("orders", "id")).RowLimit);
    }

    [Fact]
    public void OnlySelectStatementsAreCapped()
    {
        var rules = RuleText.Compile(AllowAll + "limit 7 on *;");

        var decision = rules.Decide(Bob, Write(StatementKind.Delete, "orders"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Null(decision.RowLimit);
        Assert.Null(decision.LimitRule);
    }

    [Fact]
    public void ASelectOfNoRelationIsCappedByLimitsOnItsDatabase()
    {
        var rules = RuleText.Compile("allow select on testdb;\nlimit 3 on testdb;\nlimit 2 on otherdb;");

        Assert.Equal(3, rules.Decide(Bob, Statement(StatementKind.Select)).RowLimit);
    }

    [Fact]
    public void EqualLimitsNameTheFirstRule()
    {
        var rules = RuleText.Compile(AllowAll + "limit 5 on testdb;\nlimit 5 on testdb.public.t;");

        Assert.Equal(2, rules.Decide(Bob, Select("t", "a")).LimitRule!.Line);
    }

    [Fact]
    public void ALimitWhoseConditionFailsBlocks()
    {
        var rules = RuleText.Compile(AllowAll + "limit 5 on testdb when user.attributes.level > 1;");

        var decision = rules.Decide(Requests.For("bob", [], new() { ["level"] = "x" }), Select("t", "a"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.StartsWith("the limit rule at test.rules:2 could not be evaluated", decision.Reason);
    }
}
