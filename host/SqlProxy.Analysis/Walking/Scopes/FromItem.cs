namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>An entry of a FROM clause (or a DML target) that column references resolve against.</summary>
internal abstract class FromItem(string? name)
{
    /// <summary>The name a qualified reference uses: the alias, else the relation or CTE name.</summary>
    public string? Name { get; } = name;

    /// <summary>
    /// Reachable only by qualified references, e.g. an aliased join (its leaves are in scope too)
    /// or ON CONFLICT's <c>excluded</c>.
    /// </summary>
    public bool QualifiedOnly { get; init; }

    /// <summary>A human-readable name for notes.</summary>
    public abstract string Describe();

    public abstract ColumnMatch Has(string column);

    /// <summary>The sources of one column; reading it is recorded by the caller.</summary>
    public abstract void Resolve(string column, WalkContext context, SourceSet sources);

    /// <summary>The item's columns for <c>*</c> and whole-row references.</summary>
    public abstract QueryOutput Expand(WalkContext context);

    /// <summary>The names <see cref="Expand"/> would return, in order, or null when not all are known.</summary>
    public abstract IReadOnlyList<string>? OutputNames();

    /// <summary>Matches a qualifier such as <c>c</c>, <c>public.customers</c> or <c>testdb.public.customers</c>.</summary>
    public virtual bool Matches(string? database, string? schema, string name) =>
        database is null && schema is null && Name == name;
}
