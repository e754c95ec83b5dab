namespace SqlProxy.Sdk;

/// <summary>
/// A table, view or other relation, fully qualified. Names are as PostgreSQL stores them:
/// unquoted identifiers folded to lower case, quoted ones kept exactly.
/// </summary>
/// <param name="Database">The database the relation lives in.</param>
/// <param name="Schema">Its schema (<c>public</c> when the statement did not name one).</param>
/// <param name="Name">The relation's name.</param>
public sealed record RelationName(string Database, string Schema, string Name)
{
    /// <summary>The name as <c>database.schema.name</c>.</summary>
    public override string ToString() => $"{Database}.{Schema}.{Name}";
}
