namespace SqlProxy.PrivatePostgres;

/// <summary>Quotes a name for use as a PostgreSQL identifier.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
