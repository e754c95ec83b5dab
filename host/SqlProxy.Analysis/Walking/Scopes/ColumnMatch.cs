namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>Whether a FROM item has a column of a given name.</summary>
internal enum ColumnMatch
{
    No,
    /// <summary>Its columns are unknown, so it may.</summary>
    Maybe,
    Yes,
}
