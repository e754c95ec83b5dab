using FsCheck.Xunit;
using SqlProxy.Rules.Tests.Support;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>Masks, row filters and row limits only ever narrow what an allowed statement shows.</summary>
[Properties(Arbitrary = [typeof(Generators)], MaxTest = 200)]
public class ObligationProperties
{
    static string[] Filters(Decision d) => [.. d.Filters.Select(f => $"{f.Table} {f.Predicate} ({string.Join(",", f.Values)}) {f.Rule}")];

    static string[] Masks(Decision d) => [.. d.Masks.Select(m => $"{m.Columns} {m.Label} {m.Masker} {m.Rule}")];

    [Property]
    public bool MaskFilterAndLimitRulesNeverTurnABlockIntoAnAllow(ObligationScenario scenario)
    {
        var accessOnly = scenario.Access.Compile().Decide(scenario.Access.Request, scenario.Access.Statement);

        return accessOnly.Verdict == Verdict.Allow || scenario.Decide().Verdict == Verdict.Block;
    }

    [Property]
    public bool AddingABlockRuleNeverTurnsABlockIntoAnAllow(ObligationScenario scenario, RuleSpec extra)
    {
        var before = scenario.Decide();
        var after = scenario.Decide((extra with { Block = true }).ToText());

        return before.Verdict == Verdict.Allow || after.Verdict == Verdict.Block;
    }

    [Property]
    public bool RowFiltersNeverWiden(ObligationScenario scenario, int seed)
    {
        var table = Universe.Relations[Math.Abs(seed % Universe.Relations.Length)];
        var filter = seed % 2 == 0 ? $"filter {table} where 'x = {{user.name}}';" : $"filter {table} where 'r = {{user.attributes.region}}';";
        var before = scenario.Decide();
        var after = scenario.Decide(filter);

        return after.Verdict == Verdict.Block
            ? true
            : before.Verdict == Verdict.Allow && Filters(before).All(Filters(after).Contains);
    }

    [Property]
    public bool AddingAnyMaskFilterOrLimitRuleNeverWidens(ObligationScenario scenario)
    {
        var before = scenario.Decide();
        var after = scenario.Decide(scenario.Extra);

        if (after.Verdict == Verdict.Block)
            return true;
        return before.Verdict == Verdict.Allow
            && Filters(before).All(Filters(after).Contains)
            && Masks(before).All(Masks(after).Contains)
            && (before.RowLimit is null || after.RowLimit <= before.RowLimit);
    }

    [Property]
    public bool ABlockedStatementGetsNoMasksFiltersOrLimit(ObligationScenario scenario)
    {
        var decision = scenario.Decide(scenario.Extra);

        return decision.Verdict == Verdict.Allow
            || (decision.Masks.Count == 0 && decision.Filters.Count == 0 && decision.RowLimit is null && decision.LimitRule is null);
    }

    [Property]
    public bool ExplainGivesTheSameDecisionAsDecide(ObligationScenario scenario)
    {
        var rules = scenario.Compile(scenario.Extra);
        var (request, statement) = (scenario.Access.Request, scenario.Access.Statement);

        var explanation = rules.Explain(request, statement);

        return DecisionText.Of(explanation.Decision) == DecisionText.Of(rules.Decide(request, statement))
            && (explanation.Decision.Rule is null || explanation.Trace.Count(t => t.Detail.EndsWith("it decided the statement", StringComparison.Ordinal)) == 1);
    }

    [Property]
    public bool TheOrderRulesAreGivenInNeverChangesAnyPartOfADecision(ObligationScenario scenario, int seed)
    {
        var compiled = scenario.Compile(scenario.Extra);
        var reordered = compiled.Rules.ToArray();
        new Random(seed).Shuffle(reordered);
        var again = new RuleSet(compiled.Version, reordered);
        var (request, statement) = (scenario.Access.Request, scenario.Access.Statement);

        return DecisionText.Of(compiled.Decide(request, statement)) == DecisionText.Of(again.Decide(request, statement));
    }
}
