using SqlProxy.Analysis.Rewriting;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>The filters most tests use: analysts see customers of their region and open orders.</summary>
internal static class Filters
{
    public const string Database = "testdb";

    public static RelationName Customers { get; } = new(Database, "public", "customers");

    public static RelationName Orders { get; } = new(Database, "public", "orders");

    public static TableFilter CustomersOfRegion(string region) => new(Customers, "region = $1", [region]);

    public static TableFilter OpenOrders { get; } = new(Orders, "status = $1", ["open"]);

    public static string Rewrite(string sql, params TableFilter[] filters) =>
        RowFilterRewriter.Rewrite(sql, Database, filters.Length == 0 ? [CustomersOfRegion("north"), OpenOrders] : filters);
}
