namespace SqlProxy.Rules;

/// <summary>Where a rule stands: its file and line (and its name when it has one).</summary>
/// <param name="Path">The file, as given in <see cref="RuleSource.Path"/>.</param>
/// <param name="Line">The line the rule starts on, from 1.</param>
/// <param name="Name">The name given with <c>rule '…'</c>, or null.</param>
public sealed record RuleReference(string Path, int Line, string? Name)
{
    /// <summary>The rule as <c>path:line</c>; a reference with no line (a plugin's, <c>plugin:&lt;name&gt;</c>) as its path alone.</summary>
    public override string ToString() => Line > 0 ? $"{Path}:{Line}" : Path;
}
