using FsCheck;
using FsCheck.Fluent;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>Random row filters on customers and orders, with hostile values among the ordinary ones.</summary>
internal static class FilterGenerator
{
    private static readonly RelationName Customers = new(FilterDatabase.Name, "public", "customers");
    private static readonly RelationName Orders = new(FilterDatabase.Name, "public", "orders");

    private static readonly string[] Regions = ["north", "south", "x' OR '1'='1", "'); DELETE FROM customers; --", "back\\slash", "nörd"];
    private static readonly string[] Statuses = ["open", "closed", "x' OR '1'='1"];

    /// <summary>Predicates on customers and how many values each binds.</summary>
    private static readonly (string Predicate, int Values)[] CustomerPredicates =
    [
        ("region = $1", 1),
        ("region <> $1 OR tier > 1", 1),
        ("customers.region IN ($1, $2)", 2),
        ("id % 2 = 0", 0),
        ("vip", 0),
        ("region IN (SELECT name FROM regions WHERE active)", 0),
        ("coalesce(region, $1) = $1", 1),
    ];

    private static readonly (string Predicate, int Values)[] OrderPredicates =
    [
        ("status = $1", 1),
        ("amount > 20", 0),
        ("status IS DISTINCT FROM $1 AND amount < 80", 1),
    ];

    /// <summary>One or more filters: up to two on customers, up to one on orders.</summary>
    public static Gen<IReadOnlyList<TableFilter>> Filters() =>
        from customerCount in Gen.Choose(0, 2)
        from customers in Filter(Customers, CustomerPredicates, Regions).ListOf(customerCount)
        from orderCount in Gen.Choose(0, 1)
        from orders in Filter(Orders, OrderPredicates, Statuses).ListOf(orderCount)
        select (IReadOnlyList<TableFilter>)(customers.Count + orders.Count == 0
            ? [new TableFilter(Customers, "region = $1", ["north"])]
            : [.. customers, .. orders]);

    private static Gen<TableFilter> Filter(RelationName table, (string Predicate, int Values)[] predicates, string[] values) =>
        from chosen in Gen.Elements(predicates)
        from bound in Gen.Elements(values).ListOf(chosen.Values)
        select new TableFilter(table, chosen.Predicate, [.. bound]);
}
