using FsCheck.Xunit;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Tests.Properties;

[Properties(Arbitrary = [typeof(Generators)], MaxTest = 300)]
public class DecisionProperties
{
    static (Verdict, string) Outcome(Decision d) => (d.Verdict, string.Join(",", d.BlockedColumns));

    [Property]
    public bool TheRuleSetAgreesWithTheReferenceModel(Scenario scenario)
    {
        var decision = scenario.Compile().Decide(scenario.Request, scenario.Statement);
        var expected = ReferenceModel.Decide(scenario.Rules, scenario.Request, scenario.Statement);

        return decision.Verdict == expected.Verdict && decision.BlockedColumns.SequenceEqual(expected.BlockedColumns);
    }

    [Property]
    public bool AddingABlockRuleNeverTurnsABlockIntoAnAllow(Scenario scenario, RuleSpec extra)
    {
        var before = scenario.Compile().Decide(scenario.Request, scenario.Statement);
        var more = scenario with { Rules = [.. scenario.Rules, extra with { Block = true }] };
        var after = more.Compile().Decide(scenario.Request, scenario.Statement);

        return before.Verdict == Verdict.Allow || after.Verdict == Verdict.Block;
    }

    [Property]
    public bool AddingAnAllowRuleNeverTurnsAnAllowIntoABlock(Scenario scenario, RuleSpec extra)
    {
        var before = scenario.Compile().Decide(scenario.Request, scenario.Statement);
        var more = scenario with { Rules = [extra with { Block = false }, .. scenario.Rules] };
        var after = more.Compile().Decide(scenario.Request, scenario.Statement);

        return before.Verdict == Verdict.Block || after.Verdict == Verdict.Allow;
    }

    [Property]
    public bool PermutingTheRulesInTheFileNeverChangesAVerdictOrTheBlockedColumns(Scenario scenario, int seed)
    {
        var shuffled = scenario with { Rules = scenario.Rules.OrderBy(_ => Random.Shared.Next()).ToArray() };
        new Random(seed).Shuffle(shuffled.Rules);

        return Outcome(scenario.Compile().Decide(scenario.Request, scenario.Statement))
            == Outcome(shuffled.Compile().Decide(scenario.Request, scenario.Statement));
    }

    [Property]
    public bool TheOrderRulesAreGivenInNeverChangesAnyPartOfADecision(Scenario scenario, int seed)
    {
        var compiled = scenario.Compile();
        var reordered = compiled.Rules.ToArray();
        new Random(seed).Shuffle(reordered);
        var again = new RuleSet(compiled.Version, reordered);

        var a = compiled.Decide(scenario.Request, scenario.Statement);
        var b = again.Decide(scenario.Request, scenario.Statement);
        return a.Verdict == b.Verdict && a.Rule == b.Rule && a.Reason == b.Reason && a.BlockedColumns.SequenceEqual(b.BlockedColumns);
    }

    [Property]
    public bool AnEmptyRuleSetDeniesEverything(Scenario scenario)
    {
        var empty = RulesCompiler.Compile([new RuleSource("empty.rules", "# nothing allowed\n")]);

        return new[] { RuleSet.Empty, empty }.All(rules =>
            rules.Decide(scenario.Request, scenario.Statement) is { Verdict: Verdict.Block, Rule: null, BlockedColumns.Count: 0 });
    }

    [Property]
    public bool ADecisionReportsTheFileAndLineOfARuleThatDecidesIt(Scenario scenario, int seed)
    {
        // Rules start on scattered lines, after blank lines and comments.
        var random = new Random(seed);
        var lines = new List<string>();
        var ruleAt = new Dictionary<int, RuleSpec>();
        foreach (var rule in scenario.Rules)
        {
            for (var gap = random.Next(3); gap > 0; gap--)
                lines.Add(random.Next(2) == 0 ? "" : "# a comment");
            lines.Add(rule.ToText());
            ruleAt[lines.Count] = rule;
        }
        var rules = RulesCompiler.Compile([new RuleSource("dir/p.rules", string.Join("\n", lines))]);

        var decision = rules.Decide(scenario.Request, scenario.Statement);

        if (decision.Rule is null)
            return decision.Verdict == Verdict.Block;
        return decision.Rule.Path == "dir/p.rules"
            && ruleAt.TryGetValue(decision.Rule.Line, out var decider)
            && decider.Block == (decision.Verdict == Verdict.Block);
    }

    [Property]
    public bool EveryCompiledRuleIsFiledOnlyUnderItsOwnScopes(Scenario scenario)
    {
        var compiled = scenario.Compile();

        return compiled.Count == scenario.Rules.Length
            && compiled.Rules.All(rule => rule.Scopes.All(scope => scope.Level <= ScopeLevel.Column));
    }
}
