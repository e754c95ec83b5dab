namespace SqlProxy.Rules.Runtime;

/// <summary>A checked scope: the names up to its level are set, the rest are null.</summary>
sealed record RuleScope(ScopeLevel Level, string? Database, string? Schema, string? Table, string? Column)
{
    public static RuleScope FromParts(IReadOnlyList<string> parts) => new(
        (ScopeLevel)parts.Count,
        parts.Count > 0 ? parts[0] : null,
        parts.Count > 1 ? parts[1] : null,
        parts.Count > 2 ? parts[2] : null,
        parts.Count > 3 ? parts[3] : null);

    public ColumnPattern ToColumnPattern() => new(Database, Schema, Table, Column);

    /// <summary>The scope as written in rules: dotted parts, or <c>*</c>.</summary>
    public override string ToString() => ToColumnPattern().ToString();
}
