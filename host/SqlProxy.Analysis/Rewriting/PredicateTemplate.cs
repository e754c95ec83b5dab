using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>A filter predicate read once: its expression tree (never modified: bind a copy) and its highest <c>$n</c>.</summary>
/// <param name="Condition">The expression, with <c>$n</c> still as parameter references.</param>
/// <param name="HighestParameter">The largest <c>n</c> of the <c>$n</c> in it, or 0 when it has none.</param>
internal sealed record PredicateTemplate(Node Condition, int HighestParameter);
