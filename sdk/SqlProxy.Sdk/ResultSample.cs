namespace SqlProxy.Sdk;

/// <summary>A query result as a classifier sees it: its columns and a sample of its rows.</summary>
/// <param name="Columns">The result's columns, in order.</param>
/// <param name="Rows">
/// A sample of the rows; each row has one value per column, in column order. Values are the .NET
/// values Npgsql returns (string, long, decimal, DateTime, …) or null.
/// </param>
public sealed record ResultSample(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
