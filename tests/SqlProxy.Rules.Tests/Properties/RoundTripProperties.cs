using FsCheck.Xunit;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Tests.Properties;

[Properties(Arbitrary = [typeof(SyntaxGenerators)], MaxTest = 500)]
public class RoundTripProperties
{
    [Property]
    public bool PrintedRulesParseBackToTheSameTree(GeneratedRule rule)
    {
        var parsed = RuleParser.Parse(rule.Node.ToString());

        return parsed.Problems.Count == 0 && parsed.Rules.Count == 1 && parsed.Rules[0].Equals(rule.Node);
    }

    [Property]
    public bool PrintingIsStable(GeneratedRule rule)
    {
        var printed = rule.Node.ToString();

        return RuleParser.Parse(printed).Rules.Single().ToString() == printed;
    }

    [Property]
    public bool ManyRulesInOneFileParseBackInOrder(GeneratedRule[] rules)
    {
        var parsed = RuleParser.Parse(string.Join("\n", rules.Select(r => r.Node.ToString())));

        return parsed.Problems.Count == 0 && parsed.Rules.SequenceEqual(rules.Select(r => r.Node));
    }
}
