namespace SqlProxy.Sdk;

/// <summary>A column of a relation.</summary>
/// <param name="Relation">The relation the column belongs to.</param>
/// <param name="Column">The column's name.</param>
public sealed record QualifiedColumn(RelationName Relation, string Column)
{
    /// <summary>The column as <c>database.schema.relation.column</c>.</summary>
    public override string ToString() => $"{Relation}.{Column}";
}
