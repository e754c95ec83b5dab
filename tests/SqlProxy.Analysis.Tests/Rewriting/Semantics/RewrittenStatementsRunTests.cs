using SqlProxy.Analysis.Rewriting;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>Rewritten forms the property does not generate still run on PostgreSQL (in rolled-back transactions).</summary>
[Collection(FilterDatabaseCollection.Name)]
public sealed class RewrittenStatementsRunTests(FilterDatabase database)
{
    private static readonly TableFilter[] Filters =
    [
        new(new RelationName(FilterDatabase.Name, "public", "customers"), "region = $1", ["north"]),
        new(new RelationName(FilterDatabase.Name, "public", "orders"), "status = $1", ["open"]),
    ];

    [Theory]
    [InlineData("SELECT * FROM customers c FOR UPDATE OF c")]
    [InlineData("SELECT * FROM customers FOR SHARE")]
    [InlineData("SELECT * FROM customers AS c TABLESAMPLE SYSTEM (50) REPEATABLE (1)")]
    [InlineData("SELECT * FROM customers NATURAL FULL JOIN orders")]
    [InlineData("SELECT * FROM (customers c JOIN orders o ON o.customer_id = c.id) AS j")]
    [InlineData("SELECT * FROM customers c JOIN LATERAL (SELECT * FROM orders o WHERE o.customer_id = c.id) x ON true")]
    [InlineData("SELECT customers FROM customers")]
    [InlineData("SELECT customers.*, (SELECT count(*) FROM orders WHERE orders.customer_id = customers.id) FROM public.customers")]
    [InlineData("VALUES ((SELECT name FROM customers ORDER BY id LIMIT 1))")]
    [InlineData("INSERT INTO orders (id, customer_id) SELECT id + 100, id FROM customers RETURNING *")]
    [InlineData("MERGE INTO regions r USING customers c ON r.name = c.region AND c.id = 1 WHEN MATCHED THEN UPDATE SET active = true")]
    [InlineData("UPDATE customers c SET tier = 2 WHERE c.id = 1 OR c.id = 2 RETURNING *")]
    [InlineData("UPDATE orders SET amount = (SELECT count(*) FROM customers) RETURNING (SELECT max(id) FROM customers)")]
    [InlineData("WITH d AS (DELETE FROM customers WHERE id = 1 RETURNING *) SELECT * FROM d")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t, customers")]
    [InlineData("EXPLAIN ANALYZE SELECT * FROM customers")]
    [InlineData("DECLARE cur CURSOR FOR SELECT * FROM customers")]
    [InlineData("CREATE TEMP TABLE copied AS SELECT * FROM customers")]
    [InlineData("COPY customers (id, name) TO STDOUT")]
    public void The_rewritten_statement_runs(string sql)
    {
        var rewritten = RowFilterRewriter.Rewrite(sql, FilterDatabase.Name, Filters);
        Assert.NotEqual(sql, rewritten);
        database.Run(rewritten);
    }

    [Fact]
    public void Hostile_values_compare_as_plain_strings() =>
        Assert.Equal(
            ["5 | x' OR '1'='1", "6 | back\\slash", "7 | '); DELETE FROM customers; --"],
            database.Run(RowFilterRewriter.Rewrite(
                "SELECT id, region FROM customers ORDER BY id",
                FilterDatabase.Name,
                [new TableFilter(Filters[0].Table, "region IN ($1, $2, $3)", ["x' OR '1'='1", "back\\slash", "'); DELETE FROM customers; --"])])).Values);
}
