namespace SqlProxy.Analysis.Tests.Support;

/// <summary>The sample database's schema, as the live schema would report it.</summary>
internal static class SampleDatabase
{
    public const string Name = "testdb";

    public static DatabaseSchema Schema { get; } = new(
    [
        new TableColumns("public", "customers", ["id", "name", "email", "phone", "address", "region", "created_at"]),
        new TableColumns("public", "orders", ["id", "customer_id", "order_number", "amount", "status", "created_at"]),
        new TableColumns("public", "order_items", ["id", "order_id", "product_name", "quantity", "unit_price"]),
        new TableColumns("public", "sensitive_data", ["id", "customer_id", "ssn", "credit_card", "salary", "notes"]),
        new TableColumns("pg_catalog", "pg_class", ["oid", "relname"]),
    ]);

    public static SqlAnalyzer Analyzer { get; } = new(AnalysisLimits.Default);

    public static SqlAnalysis Analyze(string sql, DatabaseSchema? schema = null) =>
        Analyzer.Analyze(sql, Name, schema ?? Schema);
}
