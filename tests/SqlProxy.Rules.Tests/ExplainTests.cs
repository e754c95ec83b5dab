using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class ExplainTests
{
    static readonly RequestInfo Bob = Requests.For("bob", ["analyst"], new() { ["region"] = "north" });

    static string[] Lines(Explanation explanation) =>
        [.. explanation.Trace.Select(t => $"{t.Rule.Line} {t.Effect} {t.Target}: {t.Outcome}: {t.Detail}")];

    [Fact]
    public void EveryRuleConsultedIsTracedLevelByLevelAndTheDecidingOneSaysSo()
    {
        var rules = RuleText.Compile(
            "block select on testdb.public.t when user has role 'intern';\n" +
            "block insert on testdb.public.t;\n" +
            "allow select on testdb when user has role 'analyst';\n" +
            "allow select on *;");

        var explanation = rules.Explain(Bob, Select("t", "a"));

        Assert.Equal(DecisionText.Of(rules.Decide(Bob, Select("t", "a"))), DecisionText.Of(explanation.Decision));
        Assert.Equal(
            [
                "1 block select on testdb.public.t: NotMatched: its conditions do not hold",
                "2 block select on testdb.public.t: NotMatched: it does not cover `select`",
                "3 allow select on testdb.public.t: Matched: its conditions hold; it decided the statement",
            ],
            Lines(explanation));
    }

    [Fact]
    public void ColumnsAndFailuresAreTraced()
    {
        var rules = RuleText.Compile(
            "allow select on testdb.public.t;\n" +
            "block select on testdb.public.t.secret when user.attributes.region > 3;");

        var explanation = rules.Explain(Bob, Select("t", "id", "secret"));

        Assert.Equal(Verdict.Block, explanation.Decision.Verdict);
        Assert.Equal(
            [
                "1 allow select on testdb.public.t: Matched: it has no conditions",
                "2 block select on testdb.public.t.secret: Failed: its conditions could not be evaluated (`north` is not a number), so it blocks; it decided the statement",
            ],
            Lines(explanation));
    }

    [Fact]
    public void MasksFiltersAndLimitsAreTracedAfterTheAccessRules()
    {
        var rules = RuleText.Compile(
            "allow select on testdb;\n" +
            "mask testdb.public.t.a with redact;\n" +
            "mask label 'PII' with hash unless user has role 'analyst';\n" +
            "filter testdb.public.t where 'region = {user.attributes.region}';\n" +
            "limit 10 on testdb.public.t;\n" +
            "limit 20 on * when user has role 'analyst';");

        var explanation = rules.Explain(Bob, Select("t", "a"));

        Assert.Equal(
            [
                "1 allow select on testdb.public.t: Matched: it has no conditions; it decided the statement",
                "2 mask testdb.public.t.a: Matched: it has no conditions, so `redact` masks it",
                "3 mask label `PII`: NotMatched: its conditions do not hold",
                "4 filter rows of testdb.public.t: Matched: it has no conditions, so only rows where `region = $1` are seen",
                "5 limit select on testdb.public.t: Matched: it has no conditions, so rows are capped at 10",
                "6 limit select on testdb.public.t: Matched: its conditions hold, so rows are capped at 20",
            ],
            Lines(explanation));
        Assert.Equal(10, explanation.Decision.RowLimit);
    }

    [Fact]
    public void AFilterThatCannotBeGivenItsValuesIsTracedAsFailedAndDecides()
    {
        var rules = RuleText.Compile("allow select on testdb;\nfilter testdb.public.t where 'owner = {user.attributes.owner}';");

        var explanation = rules.Explain(Bob, Select("t", "a"));

        Assert.Equal(Verdict.Block, explanation.Decision.Verdict);
        Assert.Equal(
            "2 filter rows of testdb.public.t: Failed: its predicate could not be given its values (the user has no attribute `owner`), so it blocks the statement; it decided the statement",
            Lines(explanation)[^1]);
    }

    [Fact]
    public void ADefaultDenyHasNoDecidingEntry()
    {
        var rules = RuleText.Compile("allow select on otherdb;\nallow insert on testdb;");

        var explanation = rules.Explain(Bob, Select("t", "a"));

        Assert.Null(explanation.Decision.Rule);
        Assert.Equal(["2 allow select on testdb.public.t: NotMatched: it does not cover `select`"], Lines(explanation));
    }

    [Fact]
    public void ExplainNeverThrows()
    {
        var explanation = RuleText.Compile("allow select on *;").Explain(null!, null!);

        Assert.Equal(Verdict.Block, explanation.Decision.Verdict);
        Assert.StartsWith("the statement could not be judged", explanation.Decision.Reason);
    }
}
