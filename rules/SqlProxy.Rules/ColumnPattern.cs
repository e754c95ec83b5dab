using SqlProxy.Sdk;

namespace SqlProxy.Rules;

/// <summary>A scope over columns: null parts match anything (a database-wide pattern has only <see cref="Database"/>).</summary>
/// <param name="Database">The database, or null for every database.</param>
/// <param name="Schema">The schema, or null for every schema.</param>
/// <param name="Table">The table, or null for every table.</param>
/// <param name="Column">The column, or null for every column.</param>
public sealed record ColumnPattern(string? Database, string? Schema, string? Table, string? Column)
{
    /// <summary>Whether <paramref name="column"/> lies within the pattern.</summary>
    /// <param name="column">A fully qualified column.</param>
    /// <returns>True when every part the pattern names is equal (ordinal) to the column's.</returns>
    public bool Matches(QualifiedColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return (Database is null || Database == column.Relation.Database)
            && (Schema is null || Schema == column.Relation.Schema)
            && (Table is null || Table == column.Relation.Name)
            && (Column is null || Column == column.Column);
    }

    /// <summary>The pattern as written in rules: dotted parts, or <c>*</c> for everything.</summary>
    public override string ToString() =>
        Database is null ? "*" : string.Join('.', new[] { Database, Schema, Table, Column }.TakeWhile(part => part is not null));
}
