using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class FilterTests
{
    const string AllowAll = "allow all on testdb;\n";
    static readonly RequestInfo North = Requests.For("ann", ["analyst"], new() { ["region"] = "north", ["team"] = "blue" });

    static string[] Filters(Decision decision) =>
        [.. decision.Filters.Select(f => $"{f.Table}: {f.Predicate} [{string.Join(", ", f.Values)}] @{f.Rule.Line}")];

    [Fact]
    public void PlaceholdersBecomeNumberedParametersAndTheirValuesComeFromTheRequest()
    {
        var rules = RuleText.Compile(AllowAll +
            "filter testdb.public.orders where 'region = {user.attributes.region} and (owner = {user.name} or {user.attributes.region} = ''all'') and db = {request.database} and x = ''{{}}''';");

        var decision = rules.Decide(North, Select("orders", "id"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(["testdb.public.orders: region = $1 and (owner = $2 or $1 = 'all') and db = $3 and x = '{}' [north, ann, testdb] @2"], Filters(decision));
    }

    [Fact]
    public void AttributeKeysFoldLikeNamesInConditions()
    {
        var rules = RuleText.Compile(AllowAll + "filter testdb.public.t where 'a = {User.Attributes.Region} and b = {user.attributes.\"team\"}';");

        Assert.Equal(["testdb.public.t: a = $1 and b = $2 [north, blue] @2"], Filters(rules.Decide(North, Select("t", "id"))));
    }

    [Fact]
    public void AMissingAttributeFailsClosed()
    {
        var rules = RuleText.Compile(AllowAll + "rule 'regional' filter testdb.public.orders where 'region = {user.attributes.region}';");

        var decision = rules.Decide(Requests.For("bob"), Select("orders", "id"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal("regional", decision.Rule!.Name);
        Assert.Equal("the filter rule `regional` at test.rules:2 could not be evaluated (the user has no attribute `region`), so the statement is blocked", decision.Reason);
        Assert.Empty(decision.Filters);
    }

    [Fact]
    public void AFilterAppliesToEveryRelationTheStatementTouches()
    {
        var rules = RuleText.Compile(AllowAll +
            "filter testdb.public.a, testdb.public.b, testdb.public.c, testdb.public.d where 'region = {user.attributes.region}';\nfilter testdb.public.z where 'false';");
        var statement = Statement(StatementKind.Update, Access(StatementKind.Update, "a", "x"), Access(StatementKind.Select, "b", "y")) with
        {
            RelationsRead = [Table("b"), Table("c")],
            RelationsWritten = [Table("a"), Table("d")],
        };

        var decision = rules.Decide(North, statement);

        Assert.Equal(["testdb.public.a", "testdb.public.b", "testdb.public.c", "testdb.public.d"], decision.Filters.Select(f => f.Table.ToString()));
    }

    [Fact]
    public void SeveralFiltersOnATableAllApplyWhenTheirConditionsHold()
    {
        var rules = RuleText.Compile(AllowAll +
            "filter testdb.public.t where 'a = 1';\nfilter testdb.public.t where 'b = 2' unless user has role 'analyst';\nfilter testdb.public.t where 'c = {user.name}' when user has role 'analyst';");

        Assert.Equal(["testdb.public.t: a = 1 [] @2", "testdb.public.t: c = $1 [ann] @4"], Filters(rules.Decide(North, Select("t", "id"))));
    }

    [Fact]
    public void AFilterWhoseConditionDoesNotHoldNeedsNoValues()
    {
        var rules = RuleText.Compile(AllowAll + "filter testdb.public.t where 'r = {user.attributes.region}' when user has role 'analyst';");

        var decision = rules.Decide(Requests.For("bob"), Select("t", "id"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Empty(decision.Filters);
    }

    [Fact]
    public void ABlockedStatementHasNoFilters()
    {
        var rules = RuleText.Compile("filter testdb.public.t where 'a = 1';");

        var decision = rules.Decide(North, Select("t", "id"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Empty(decision.Filters);
    }
}
