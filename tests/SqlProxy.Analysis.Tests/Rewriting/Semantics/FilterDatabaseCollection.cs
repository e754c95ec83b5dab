namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>The tests sharing one private PostgreSQL with the row-filter schema.</summary>
[CollectionDefinition(Name)]
public sealed class FilterDatabaseCollection : ICollectionFixture<FilterDatabase>
{
    public const string Name = "row filter database";
}
