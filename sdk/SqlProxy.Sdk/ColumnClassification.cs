namespace SqlProxy.Sdk;

/// <summary>A label a classifier gives to one column of a result.</summary>
/// <param name="ColumnIndex">The column's position in the result, from 0.</param>
/// <param name="Label">The label, dotted from general to specific (e.g. <c>PII.Email</c>).</param>
/// <param name="Evidence">What the label rests on: <c>name</c>, <c>values</c> or <c>provenance</c>.</param>
public sealed record ColumnClassification(int ColumnIndex, string Label, string Evidence);
