using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Validation;

/// <summary>
/// Checks the names in a scope against the configured databases and their live schemas: one problem per scope,
/// at its first unknown name. A database whose schema is not known has only its own name checked.
/// </summary>
static class ScopeNameChecker
{
    /// <summary>The problem with the scope's names, or null when every name it has is known (or cannot be checked).</summary>
    public static RuleDiagnostic? Check(PlacedScope placed, string path, SchemaIndex schemas)
    {
        var scope = placed.Scope;
        if (scope.Database is not { } database || !schemas.KnowsDatabases)
            return null;
        if (!schemas.IsConfigured(database))
            return Problem($"`{Format(database)}` is not a configured database",
                Nearest.Help(database, schemas.DatabaseNames, "the configured databases are"));

        if (scope.Schema is not { } schema || schemas.Tables(database) is not { } tables)
            return null;
        if (tables.TablesIn(schema) is not { } inSchema)
            return Problem($"database `{Format(database)}` has no schema `{Format(schema)}`",
                Nearest.Help(schema, tables.Schemas, "its schemas are"));

        if (scope.Table is not { } table)
            return null;
        if (!inSchema.TryGetValue(table, out var columns))
            return Problem($"schema `{Format(database, schema)}` has no table `{Format(table)}`", TableHelp(database, table, schema, tables, inSchema));

        if (scope.Column is not { } column || columns.Contains(column, StringComparer.Ordinal))
            return null;
        return Problem($"table `{Format(database, schema, table)}` has no column `{Format(column)}`",
            Nearest.Help(column, columns, "its columns are"));

        RuleDiagnostic Problem(string message, string? help) => new(path, placed.Line, placed.Column, message, help);
    }

    /// <summary>A table of that name in another schema is the likeliest fix; else the nearest name in this one.</summary>
    static string? TableHelp(string database, string table, string schema, DatabaseTables tables, IReadOnlyDictionary<string, IReadOnlyList<string>> inSchema)
    {
        if (tables.SchemasWithTable(table, schema).FirstOrDefault() is { } other)
            return $"`{Format(table)}` is in schema `{Format(other)}`: write `{Format(database, other, table)}`";
        return Nearest.Help(table, inSchema.Keys, "its tables are");
    }

    static string Format(params string[] parts) => string.Join('.', parts.Select(Literals.FormatName));
}
