namespace SqlProxy.Rules;

/// <summary>
/// The judgement of one statement. <see cref="Rule"/> is null when nothing matched (default deny).
/// <see cref="BlockedColumns"/> lists <c>schema.table.column</c> of the columns refused by column-level rules.
/// For an allow, <see cref="Masks"/>, <see cref="Filters"/> and <see cref="RowLimit"/> say what the host must do to the statement and its result.
/// </summary>
/// <param name="Verdict">Allow or block.</param>
/// <param name="Rule">The deciding rule: for a block, the one that blocked the first blocked access; for an allow, the one that allowed the first access.</param>
/// <param name="Reason">The deciding rule's <c>because</c> text, or a generated sentence.</param>
/// <param name="BlockedColumns">Columns refused at the column level, over all accesses; empty for an allow.</param>
public sealed record Decision(Verdict Verdict, RuleReference? Rule, string Reason, IReadOnlyList<string> BlockedColumns)
{
    /// <summary>The masks in force for this request, in rule order: the first that applies to a result column masks it.</summary>
    public IReadOnlyList<MaskDirective> Masks { get; init; } = [];

    /// <summary>The row filters to merge into the statement, one per (table, rule); several on one table all apply.</summary>
    public IReadOnlyList<RowFilter> Filters { get; init; } = [];

    /// <summary>The most rows a SELECT may return to this user, or null for no rule-imposed cap.</summary>
    public long? RowLimit { get; init; }

    /// <summary>The rule that set <see cref="RowLimit"/> (the smallest matching limit), or null.</summary>
    public RuleReference? LimitRule { get; init; }
}
