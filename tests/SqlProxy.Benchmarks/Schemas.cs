using SqlProxy.Analysis;

namespace SqlProxy.Benchmarks;

internal static class Schemas
{
    public static DatabaseSchema Sample { get; } = new(
    [
        new TableColumns("public", "customers", ["id", "name", "email", "phone", "address", "region", "created_at"]),
        new TableColumns("public", "orders", ["id", "customer_id", "order_number", "amount", "status", "created_at"]),
        new TableColumns("public", "order_items", ["id", "order_id", "product_name", "quantity", "unit_price"]),
        new TableColumns("public", "sensitive_data", ["id", "customer_id", "ssn", "credit_card", "salary", "notes"]),
    ]);
}
