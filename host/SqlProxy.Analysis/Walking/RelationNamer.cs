using SqlProxy.Analysis.Json;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Qualifies relation names the way the default search path does: an explicit schema wins, then
/// <c>pg_catalog</c> when the schema has the relation there, else <c>public</c>.
/// </summary>
internal sealed class RelationNamer(string database, DatabaseSchema schema)
{
    public RelationName FromRangeVar(ParseNode rangeVar)
    {
        var body = ParseTree.BodyOf(rangeVar, "RangeVar");
        return Qualify(ParseTree.String(body, "catalogname"), ParseTree.String(body, "schemaname"), ParseTree.String(body, "relname") ?? "");
    }

    /// <summary>A dotted name from a list such as DROP TABLE's: <c>name</c>, <c>schema.name</c> or <c>database.schema.name</c>.</summary>
    public RelationName? FromNames(IReadOnlyList<string> names) => names.Count switch
    {
        1 => Qualify(null, null, names[0]),
        2 => Qualify(null, names[0], names[1]),
        3 => Qualify(names[0], names[1], names[2]),
        _ => null,
    };

    public RelationName Qualify(string? catalog, string? schemaName, string name) =>
        new(catalog ?? database, schemaName ?? (schema.Contains("pg_catalog", name) ? "pg_catalog" : "public"), name);

    /// <summary>The relation's columns from the live schema, or null when unknown.</summary>
    public IReadOnlyList<string>? ColumnsOf(RelationName relation) =>
        relation.Database == database ? schema.ColumnsOf(relation.Schema, relation.Name) : null;
}
