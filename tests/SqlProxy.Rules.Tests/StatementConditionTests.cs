using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class StatementConditionTests
{
    static readonly RequestInfo Bob = Requests.For("bob", "analyst");

    static readonly StatementAnalysis LimitedSelect = Select("orders", "id") with
    {
        HasWhere = true,
        Limit = 500,
        RelationsRead = [Table("orders"), Table("sales.items")],
        ColumnsRead = [new QualifiedColumn(Table("orders"), "id"), new QualifiedColumn(Table("sales.items"), "price")],
    };

    static readonly StatementAnalysis Update = Write(StatementKind.Update, "orders", "status") with
    {
        ColumnsWritten = [new QualifiedColumn(Table("orders"), "status")],
    };

    static bool Holds(string condition, StatementAnalysis statement) =>
        RuleText.Compile($"allow all on * when {condition};").Decide(Bob, statement).Verdict == Verdict.Allow;

    [Theory]
    [InlineData("statement.kind == 'select'", true, false)]
    [InlineData("statement.kind != 'select'", false, true)]
    [InlineData("statement.kind == 'write'", false, true)]
    [InlineData("statement.kind == 'all'", true, true)]
    [InlineData("statement.kind in ('select', 'delete')", true, false)]
    [InlineData("statement.kind not in ('update')", true, false)]
    [InlineData("statement.has_where", true, false)]
    [InlineData("not statement.has_where", false, true)]
    [InlineData("statement.has_where == true", true, false)]
    [InlineData("statement.has_where != TRUE", false, true)]
    [InlineData("false == statement.has_where", false, true)]
    [InlineData("statement.limit <= 1000", true, false)]
    [InlineData("statement.limit > 1000", false, false)]
    [InlineData("statement.limit == 500", true, false)]
    [InlineData("statement.tables contains 'public.orders'", true, true)]
    [InlineData("statement.tables contains 'sales.items'", true, false)]
    [InlineData("'sales.items' not in statement.tables", false, true)]
    [InlineData("statement.columns contains 'sales.items.price'", true, false)]
    [InlineData("statement.columns contains 'public.orders.status'", false, true)]
    public void ConditionsReadTheStatementsAnalysis(string condition, bool onSelect, bool onUpdate)
    {
        Assert.Equal(onSelect, Holds(condition, LimitedSelect));
        Assert.Equal(onUpdate, Holds(condition, Update));
    }

    [Fact]
    public void AStatementWithoutALimitIsNotWithinOne()
    {
        var rules = RuleText.Compile("allow select on * when statement.limit <= 1000;");

        Assert.Equal(Verdict.Block, rules.Decide(Bob, Select("orders", "id")).Verdict);
        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("orders", "id") with { Limit = 1000 }).Verdict);
    }

    [Fact]
    public void AnUpdateWithoutWhereCanBeBlocked()
    {
        var rules = RuleText.Compile("allow write on testdb;\nblock update, delete on testdb unless statement.has_where because 'say which rows';");

        Assert.Equal("say which rows", rules.Decide(Bob, Update).Reason);
        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Update with { HasWhere = true }).Verdict);
    }
}
