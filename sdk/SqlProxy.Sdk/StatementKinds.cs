namespace SqlProxy.Sdk;

/// <summary>Facts about <see cref="StatementKind"/> values.</summary>
public static class StatementKinds
{
    /// <summary>The category a statement kind belongs to.</summary>
    /// <param name="kind">The statement kind.</param>
    /// <returns>Its category.</returns>
    public static StatementCategory CategoryOf(StatementKind kind) => kind switch
    {
        StatementKind.Select => StatementCategory.Query,
        StatementKind.Insert or StatementKind.Update or StatementKind.Delete or StatementKind.Merge
            or StatementKind.Truncate or StatementKind.Copy => StatementCategory.DataChange,
        StatementKind.Explain or StatementKind.Transaction or StatementKind.Set or StatementKind.Show
            or StatementKind.Call or StatementKind.Do or StatementKind.Lock or StatementKind.Vacuum
            or StatementKind.OtherUtility => StatementCategory.Utility,
        _ => StatementCategory.Definition,
    };
}
