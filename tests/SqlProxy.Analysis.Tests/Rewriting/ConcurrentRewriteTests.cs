namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>Predicate templates are cached and shared between threads: concurrent rewrites must not see each other's changes.</summary>
public sealed class ConcurrentRewriteTests
{
    private static readonly string[] Statements =
    [
        "SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id",
        "UPDATE customers c SET tier = 1 WHERE c.id = 2",
        "WITH customers AS (SELECT * FROM customers) SELECT * FROM customers",
        "DELETE FROM orders o USING customers c WHERE o.customer_id = c.id",
    ];

    [Fact]
    public void Concurrent_rewrites_give_the_same_sql_as_sequential_ones()
    {
        var regions = Enumerable.Range(0, 16).Select(i => $"region {i}'").ToArray();
        var expected = regions.SelectMany(region => Statements.Select(sql => Filters.Rewrite(sql, Filters.CustomersOfRegion(region), Filters.OpenOrders))).ToArray();
        for (var round = 0; round < 20; round++)
        {
            var actual = new string[expected.Length];
            Parallel.For(0, expected.Length, i =>
                actual[i] = Filters.Rewrite(Statements[i % Statements.Length], Filters.CustomersOfRegion(regions[i / Statements.Length]), Filters.OpenOrders));
            Assert.Equal(expected, actual);
        }
    }
}
