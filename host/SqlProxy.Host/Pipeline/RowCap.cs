using SqlProxy.Rules;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// The most rows a request returns: the database's <c>max_rows</c>, lowered by a <c>limit</c> rule
/// that applies to one of its statements.
/// </summary>
/// <param name="Limit">The cap.</param>
/// <param name="Rule">The limit rule that set the cap, or null when <c>max_rows</c> did.</param>
/// <param name="RuleLimit">The smallest limit a rule set, or null when no limit rule applies.</param>
internal sealed record RowCap(long Limit, RuleReference? Rule, long? RuleLimit)
{
    /// <remarks>
    /// The executor cannot tell which statement of a batch a result set belongs to (rows may come from a
    /// <c>FETCH</c> of a cursor declared over a limited SELECT), so the smallest limit of any of the request's
    /// statements caps the rows returned: never more than any rule allows.
    /// </remarks>
    public static RowCap For(IReadOnlyList<Decision> decisions, long maxRows)
    {
        var limited = decisions.Where(d => d.RowLimit is not null).MinBy(d => d.RowLimit);
        if (limited is not { RowLimit: { } ruleLimit }) return new RowCap(maxRows, null, null);
        return ruleLimit <= maxRows
            ? new RowCap(ruleLimit, limited.LimitRule, ruleLimit)
            : new RowCap(maxRows, null, ruleLimit);
    }
}
