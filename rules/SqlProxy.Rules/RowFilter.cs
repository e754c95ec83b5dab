using SqlProxy.Sdk;

namespace SqlProxy.Rules;

/// <summary>
/// A row filter in force for one request: every read of <see cref="Table"/> sees only rows for which
/// <see cref="Predicate"/> holds. The predicate is SQL written by the rules' authors, with the request's
/// values as parameters <c>$1</c>, <c>$2</c>, … (never spliced as text); <see cref="Values"/> holds them in order.
/// </summary>
/// <param name="Table">The filtered table.</param>
/// <param name="Predicate">A boolean SQL expression over the table's columns, e.g. <c>region = $1</c>.</param>
/// <param name="Values">The values of <c>$1</c>, <c>$2</c>, …, read from the request (e.g. the user's <c>region</c> attribute).</param>
/// <param name="Rule">The filter rule.</param>
public sealed record RowFilter(RelationName Table, string Predicate, IReadOnlyList<string> Values, RuleReference Rule);
