namespace SqlProxy.Sdk;

/// <summary>An output column of a statement and the source columns its value derives from.</summary>
/// <param name="Name">The output column's name, as PostgreSQL would name it.</param>
/// <param name="Sources">
/// Every relation column the value derives from, through functions, casts, expressions,
/// aliases, subqueries and CTEs; empty for a value made of constants only.
/// </param>
public sealed record ProjectedColumn(string Name, IReadOnlyList<QualifiedColumn> Sources);
