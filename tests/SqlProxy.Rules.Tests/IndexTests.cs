using System.Text;
using SqlProxy.Rules.Runtime;
using SqlProxy.Rules.Tests.Support;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class IndexTests
{
    [Fact]
    public void JudgingAnAccessLooksOnlyAtRulesOnItsRelationAndAboveIt()
    {
        var text = new StringBuilder("allow select on testdb.public.t1;\nblock select on testdb.public.t1.secret;\nallow select on testdb.s;\n");
        for (var i = 0; i < 2000; i++)
            text.Append($"allow select on testdb.public.other{i}, testdb.public.other{i}.c when user.attributes.x > 1;\n");
        var rules = RuleText.Compile(text.ToString());
        var index = new RuleIndex(rules.Rules);
        var t1 = Table("t1");

        Assert.Equal(2003, rules.Count);
        Assert.Single(index.Table(t1));
        Assert.Single(index.Column(t1, "secret"));
        Assert.Empty(index.Column(t1, "id"));
        Assert.Single(index.ColumnsOf(t1));
        Assert.Empty(index.Schema(t1));
        Assert.Single(index.Schema(Table("s.x")));
        Assert.Empty(index.Database("testdb"));
        Assert.Empty(index.Everything);
        Assert.Equal(Verdict.Allow, rules.Decide(Requests.For("bob"), Select("t1", "id")).Verdict);
    }

    [Fact]
    public void ARuleThatNamesAScopeTwiceIsFiledOnce()
    {
        var rules = RuleText.Compile("block select on testdb.public.t1, testdb.public.t1;");

        Assert.Single(new RuleIndex(rules.Rules).Table(Table("t1")));
    }

    [Fact]
    public void EachKindOfRuleIsFiledInItsOwnIndex()
    {
        var rules = RuleText.Compile(
            "allow select on testdb.public.t;\nmask testdb.public.t.a, testdb with redact;\nmask label 'PII' with hash;\n" +
            "filter testdb.public.t where 'a = 1';\nlimit 5 on testdb.public.t;");
        var book = new RuleBook(rules.Rules);
        var t = Table("t");

        Assert.Single(book.Access.Table(t));
        Assert.True(book.Access.ColumnsOf(t).Count == 0 && book.Access.Database("testdb").Count == 0);
        Assert.Single(book.ColumnMasks.Column(t, "a"));
        Assert.Single(book.ColumnMasks.Database("testdb"));
        Assert.Equal(["PII"], Assert.Single(book.LabelMasks).Mask!.Labels);
        Assert.Single(book.Filters.Table(t));
        Assert.Single(book.Limits.Table(t));
        Assert.True(new RuleBook(RuleText.Compile("allow select on *;").Rules).ColumnMasks.IsEmpty);
    }
}
