namespace SqlProxy.Sdk;

/// <summary>A column of a query result.</summary>
/// <param name="Name">The column's name in the result.</param>
/// <param name="DataType">PostgreSQL's name of its type (e.g. <c>text</c>, <c>integer</c>).</param>
/// <param name="Sources">The relation columns its value derives from (may be empty).</param>
public sealed record ResultColumn(string Name, string DataType, IReadOnlyList<QualifiedColumn> Sources);
