namespace SqlProxy.Rules.Validation;

/// <summary>A table (or view) of a database's live schema, with its columns.</summary>
/// <param name="Schema">The schema it is in, as PostgreSQL stores the name.</param>
/// <param name="Name">The table's name, as PostgreSQL stores it.</param>
/// <param name="Columns">Its columns.</param>
public sealed record KnownTable(string Schema, string Name, IReadOnlyList<string> Columns);
