namespace SqlProxy.Rules.Tests.Properties;

/// <summary>
/// A generated scenario with mask, filter and limit rules after its allow and block rules, and one more such rule
/// (<see cref="Extra"/>) for properties about what adding a rule may change.
/// </summary>
public sealed record ObligationScenario(Scenario Access, string[] Obligations, string Extra)
{
    public RuleSet Compile(params string[] more) =>
        RulesCompiler.Compile([new RuleSource("gen.rules", string.Join("\n", [Access.Text, .. Obligations, .. more]))]);

    public Decision Decide(params string[] more) => Compile(more).Decide(Access.Request, Access.Statement);

    public override string ToString() => $"{Access}\n{string.Join("\n", Obligations)}\n-- extra: {Extra}";
}
