using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class MaskTests
{
    const string AllowAll = "allow all on testdb;\n";
    static readonly RequestInfo Bob = Requests.For("bob", "analyst");
    static readonly RequestInfo Admin = Requests.For("root", "admin");

    static string[] Masks(Decision decision) =>
        [.. decision.Masks.Select(m => $"{(m.Columns is { } c ? c.ToString() : $"label {m.Label}")} {m.Masker}({string.Join(", ", m.Arguments.Select(a => $"{a.Key}={a.Value}"))}) @{m.Rule.Line}")];

    [Fact]
    public void AColumnMaskAppliesWhenTheStatementReadsTheColumn()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.customers.email with partial(keep_last = 4, fill = '#');");

        var reading = rules.Decide(Bob, Select("customers", "id", "email"));
        var notReading = rules.Decide(Bob, Select("customers", "id"));

        Assert.Equal(Verdict.Allow, reading.Verdict);
        Assert.Equal(["testdb.public.customers.email partial(keep_last=4, fill=#) @2"], Masks(reading));
        Assert.Equal(new RuleReference("test.rules", 1, null), reading.Rule);
        Assert.Empty(notReading.Masks);
    }

    [Fact]
    public void ColumnsReadAnywhereCountNotOnlyTheAccessedOnes()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.customers.ssn with redact;");
        var statement = Select("orders", "id") with { ColumnsRead = [new QualifiedColumn(Table("customers"), "ssn")] };

        Assert.Equal(["testdb.public.customers.ssn redact() @2"], Masks(rules.Decide(Bob, statement)));
    }

    [Fact]
    public void ATableOrWiderMaskCoversEveryColumnOfItsScope()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.customers with hash;\nmask testdb.other with redact;\nmask * with null when user.name == 'nobody';");

        var decision = rules.Decide(Bob, Select("customers", "name"));

        Assert.Equal(["testdb.public.customers hash() @2"], Masks(decision));
        Assert.Equal(["testdb.other redact() @3"], Masks(rules.Decide(Bob, Select("other.t", "x"))));
    }

    [Fact]
    public void ReadingEveryColumnBringsTheColumnMasksOfTheTable()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.customers.email, testdb.public.orders.total with redact;\nmask testdb.public.customers.ssn with hash;");

        var decision = rules.Decide(Bob, Select("customers", "*"));

        Assert.Equal(["testdb.public.customers.email redact() @2", "testdb.public.customers.ssn hash() @3"], Masks(decision));
    }

    [Fact]
    public void LabelMasksAreAlwaysCandidatesOneDirectivePerLabel()
    {
        var rules = RuleText.Compile(AllowAll + "mask label 'PII.Email', 'PII.Phone' with email_domain unless user has role 'admin';");

        Assert.Equal(["label PII.Email email_domain() @2", "label PII.Phone email_domain() @2"], Masks(rules.Decide(Bob, Select("anything", "x"))));
        Assert.Empty(rules.Decide(Admin, Select("anything", "x")).Masks);
        Assert.Null(rules.Decide(Bob, Select("anything", "x")).Masks[0].Columns);
    }

    [Fact]
    public void MasksComeInRuleOrderWhateverTheOrderFound()
    {
        var rules = RuleText.Compile(
            "mask label 'PII' with redact;\nmask testdb.public.t.b with hash;\n" + AllowAll + "mask testdb.public.t.a with partial;\nmask testdb.public.t with null;",
            "b.rules");

        var decision = rules.Decide(Bob, Select("t", "a", "b"));

        Assert.Equal(["label PII redact() @1", "testdb.public.t.b hash() @2", "testdb.public.t.a partial() @4", "testdb.public.t null() @5"], Masks(decision));
    }

    [Fact]
    public void ABlockedStatementHasNoMasks()
    {
        var rules = RuleText.Compile("block select on testdb.public.t;\nmask testdb.public.t.a with redact;\nmask label 'x' with redact;");

        var decision = rules.Decide(Bob, Select("t", "a"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Empty(decision.Masks);
    }

    [Fact]
    public void AMaskOnlyAppliesWhenItsConditionsHold()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.t.a with redact unless user has role 'admin';");

        Assert.Single(rules.Decide(Bob, Select("t", "a")).Masks);
        Assert.Empty(rules.Decide(Admin, Select("t", "a")).Masks);
    }

    [Fact]
    public void AMaskWhoseConditionFailsBlocksTheStatementAndSaysWhy()
    {
        var rules = RuleText.Compile(AllowAll + "rule 'levels' mask testdb.public.t.a with redact when user.attributes.level > 3;");
        var request = Requests.For("bob", [], new() { ["level"] = "high" });

        var decision = rules.Decide(request, Select("t", "a"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(new RuleReference("test.rules", 2, "levels"), decision.Rule);
        Assert.Equal("the mask rule `levels` at test.rules:2 could not be evaluated (`high` is not a number), so the statement is blocked", decision.Reason);
        Assert.Empty(decision.Masks);
    }

    [Fact]
    public void AMaskOnAColumnNotReadDoesNotFailEvenIfItsConditionWould()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.t.a with redact when user.attributes.level > 3;");
        var request = Requests.For("bob", [], new() { ["level"] = "high" });

        Assert.Equal(Verdict.Allow, rules.Decide(request, Select("t", "b")).Verdict);
    }

    [Fact]
    public void OnlyTheScopesOfAMaskThatCoverWhatIsReadAreListed()
    {
        var rules = RuleText.Compile(AllowAll + "mask testdb.public.t.a, testdb.public.u.b, testdb.public.v with redact;");

        Assert.Equal(["testdb.public.t.a redact() @2"], Masks(rules.Decide(Bob, Select("t", "a", "b"))));
    }
}
