using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary>
/// The rule an <c>expect allow|block by …</c> names: by its name (<c>by 'analysts read'</c>), by its place
/// (<c>by access.rules:32</c>), or no rule at all (<c>by default</c>: default deny).
/// </summary>
internal sealed record DecidingRule(string? Name, string? Path, int Line)
{
    public static DecidingRule Default { get; } = new(null, null, 0);

    public bool Matches(RuleReference? rule)
    {
        if (Name is not null) return rule?.Name == Name;
        if (Path is not null) return rule is not null && rule.Line == Line && (rule.Path == Path || rule.Path.EndsWith("/" + Path, StringComparison.Ordinal));
        return rule is null;
    }

    /// <summary>As written after <c>by</c>.</summary>
    public override string ToString() => Name is not null ? $"'{Name.Replace("'", "''", StringComparison.Ordinal)}'" : Path is not null ? $"{Path}:{Line}" : "default";

    /// <summary>How a decision's rule reads in a report: <c>'name' (access.rules:32)</c>, <c>access.rules:32</c> or <c>default</c>.</summary>
    public static string Describe(RuleReference? rule) => rule switch
    {
        null => "default",
        { Name: { } name } => $"'{name.Replace("'", "''", StringComparison.Ordinal)}' ({rule})",
        _ => rule.ToString(),
    };
}
