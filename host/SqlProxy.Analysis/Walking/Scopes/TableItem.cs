using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>A table or view in scope, with its columns when the schema knows them.</summary>
internal sealed class TableItem : FromItem
{
    /// <summary>Every table has these, though the schema's column list does not show them.</summary>
    private static readonly HashSet<string> SystemColumns = ["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"];

    private readonly IReadOnlyList<string>? knownColumns;
    private readonly IReadOnlyList<string> columnAliases;
    private readonly bool aliased;

    /// <param name="relation">The relation.</param>
    /// <param name="alias">Its alias, if any.</param>
    /// <param name="columnAliases">Names given to its first columns, as in <c>customers AS c(a, b)</c>.</param>
    /// <param name="knownColumns">Its columns from the schema, or null when unknown.</param>
    public TableItem(RelationName relation, string? alias, IReadOnlyList<string> columnAliases, IReadOnlyList<string>? knownColumns)
        : base(alias ?? relation.Name)
    {
        Relation = relation;
        aliased = alias is not null;
        this.columnAliases = columnAliases;
        this.knownColumns = knownColumns;
    }

    public RelationName Relation { get; }

    public override string Describe() => Relation.ToString();

    public override bool Matches(string? database, string? schema, string name) => aliased
        ? base.Matches(database, schema, name)
        : Relation.Name == name && (schema is null || schema == Relation.Schema) && (database is null || database == Relation.Database);

    public override ColumnMatch Has(string column)
    {
        var aliasIndex = IndexOfAlias(column);
        if (aliasIndex >= 0)
        {
            return ColumnMatch.Yes;
        }

        if (SystemColumns.Contains(column))
        {
            return ColumnMatch.Yes;
        }

        if (knownColumns is null)
        {
            return ColumnMatch.Maybe;
        }

        var index = IndexOfColumn(column);
        return index >= columnAliases.Count ? ColumnMatch.Yes : ColumnMatch.No;
    }

    public override void Resolve(string column, WalkContext context, SourceSet sources)
    {
        var aliasIndex = IndexOfAlias(column);
        if (aliasIndex < 0)
        {
            sources.Add(new QualifiedColumn(Relation, column));
        }
        else if (knownColumns is not null && aliasIndex < knownColumns.Count)
        {
            sources.Add(new QualifiedColumn(Relation, knownColumns[aliasIndex]));
        }
        else
        {
            context.Note($"column alias `{column}` of {Relation} could not be mapped to a column; read as every column");
            sources.Add(new QualifiedColumn(Relation, WalkContext.AllColumns));
        }
    }

    public override QueryOutput Expand(WalkContext context)
    {
        if (knownColumns is null)
        {
            context.Note($"the schema does not know the columns of {Relation}; `*` read as every column");
            return new QueryOutput([new OutputColumn(WalkContext.AllColumns, [new QualifiedColumn(Relation, WalkContext.AllColumns)])], [Relation]);
        }

        var names = OutputNames()!;
        return new QueryOutput([.. names.Select((name, i) => new OutputColumn(name, [new QualifiedColumn(Relation, knownColumns[i])]))], []);
    }

    public override IReadOnlyList<string>? OutputNames() =>
        knownColumns is null ? null : [.. knownColumns.Select((c, i) => i < columnAliases.Count ? columnAliases[i] : c)];

    private int IndexOfAlias(string column)
    {
        for (var i = 0; i < columnAliases.Count; i++)
        {
            if (columnAliases[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    private int IndexOfColumn(string column)
    {
        for (var i = 0; i < knownColumns!.Count; i++)
        {
            if (knownColumns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}
