namespace SqlProxy.Rules;

/// <summary>
/// The judgement of one statement. <see cref="Rule"/> is null when nothing matched (default deny).
/// <see cref="BlockedColumns"/> lists <c>schema.table.column</c> of the columns refused by column-level rules.
/// </summary>
/// <param name="Verdict">Allow or block.</param>
/// <param name="Rule">The deciding rule: for a block, the one that blocked the first blocked access; for an allow, the one that allowed the first access.</param>
/// <param name="Reason">The deciding rule's <c>because</c> text, or a generated sentence.</param>
/// <param name="BlockedColumns">Columns refused at the column level, over all accesses; empty for an allow.</param>
public sealed record Decision(Verdict Verdict, RuleReference? Rule, string Reason, IReadOnlyList<string> BlockedColumns);
