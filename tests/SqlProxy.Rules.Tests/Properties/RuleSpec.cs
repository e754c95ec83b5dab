namespace SqlProxy.Rules.Tests.Properties;

/// <summary>A generated rule: printed as one line of rules text, and judged independently by <see cref="ReferenceModel"/>.</summary>
public sealed record RuleSpec(bool Block, string[] Actions, string[] Scopes, int Condition)
{
    public string ToText() =>
        $"{(Block ? "block" : "allow")} {string.Join(", ", Actions)} on {string.Join(", ", Scopes)}{Universe.Conditions[Condition].Text};";

    public override string ToString() => ToText();
}
