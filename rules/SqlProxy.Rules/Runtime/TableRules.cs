namespace SqlProxy.Rules.Runtime;

/// <summary>The rules filed under one table: on the table itself, and on each of its columns.</summary>
sealed class TableRules(CompiledRule[] rules, Dictionary<string, CompiledRule[]> columns)
{
    public static TableRules None { get; } = new([], []);

    /// <summary>The rules on the table as a whole.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    /// <summary>Every column-level rule on the table, by column name (ordinal).</summary>
    public IReadOnlyList<(string Column, CompiledRule Rule)> ColumnRules { get; } =
        [.. columns.OrderBy(entry => entry.Key, StringComparer.Ordinal).SelectMany(entry => entry.Value.Select(rule => (entry.Key, rule)))];

    public IReadOnlyList<CompiledRule> Column(string column) => columns.GetValueOrDefault(column, []);
}
