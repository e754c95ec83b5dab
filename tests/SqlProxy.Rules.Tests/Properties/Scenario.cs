using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>Generated rules, one request and one statement to judge.</summary>
public sealed record Scenario(RuleSpec[] Rules, RequestInfo Request, StatementAnalysis Statement)
{
    public string Text => string.Join("\n", Rules.Select(rule => rule.ToText()));

    public RuleSet Compile() => RulesCompiler.Compile([new RuleSource("gen.rules", Text)]);

    public override string ToString() =>
        $"{Text}\n-- user {Request.User.Name} [{string.Join(", ", Request.User.Roles)}] {string.Join(", ", Request.User.Attributes.Select(a => $"{a.Key}={a.Value}"))}\n-- " +
        string.Join("; ", Statement.Accesses.Select(a => $"{a.Operation} {a.Relation?.ToString() ?? "(database)"} ({string.Join(", ", a.Columns)})"));
}
