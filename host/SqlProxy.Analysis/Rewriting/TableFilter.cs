using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>A predicate every read of <paramref name="Table"/> must satisfy; <c>$1</c>, <c>$2</c>, … in it stand for <paramref name="Values"/>.</summary>
/// <param name="Table">The filtered table.</param>
/// <param name="Predicate">A boolean SQL expression over the table's columns, with parameters <c>$1</c>…<c>$n</c>.</param>
/// <param name="Values">The parameters' values, in order; each becomes a string constant in the tree.</param>
public sealed record TableFilter(RelationName Table, string Predicate, IReadOnlyList<string> Values);
