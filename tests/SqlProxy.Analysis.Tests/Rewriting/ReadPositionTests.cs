using SqlProxy.Analysis.Rewriting;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>Every place a statement reads a table gets the table's filters; the expected text is libpg_query's deparse.</summary>
public sealed class ReadPositionTests
{
    private const string C = "(SELECT * FROM customers WHERE customers.region = 'north')";
    private const string O = "(SELECT * FROM orders WHERE orders.status = 'open')";

    [Theory]
    [InlineData("SELECT * FROM customers", $"SELECT * FROM {C} customers")]
    [InlineData("SELECT c.name FROM customers AS c WHERE c.id = 7", $"SELECT c.name FROM {C} c WHERE c.id = 7")]
    [InlineData("SELECT * FROM public.customers", "SELECT * FROM (SELECT * FROM public.customers WHERE customers.region = 'north') customers")]
    [InlineData("SELECT * FROM testdb.public.customers", "SELECT * FROM (SELECT * FROM testdb.public.customers WHERE customers.region = 'north') customers")]
    [InlineData("SELECT * FROM ONLY customers c(a, b)", "SELECT * FROM (SELECT * FROM ONLY customers WHERE customers.region = 'north') c(a, b)")]
    [InlineData("SELECT * FROM customers c, orders o WHERE o.customer_id = c.id", $"SELECT * FROM {C} c, {O} o WHERE o.customer_id = c.id")]
    [InlineData("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id", $"SELECT * FROM {C} c JOIN {O} o ON o.customer_id = c.id")]
    [InlineData("SELECT * FROM customers NATURAL FULL JOIN orders", $"SELECT * FROM {C} customers NATURAL FULL JOIN {O} orders")]
    [InlineData("SELECT * FROM (customers c JOIN orders o USING (id)) AS j", $"SELECT * FROM ({C} c JOIN {O} o USING (id) ) j")]
    [InlineData("SELECT * FROM orders o WHERE o.customer_id IN (SELECT id FROM customers)", $"SELECT * FROM {O} o WHERE o.customer_id IN (SELECT id FROM {C} customers)")]
    [InlineData("SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)", $"SELECT * FROM {O} o WHERE EXISTS (SELECT 1 FROM {C} c WHERE c.id = o.customer_id)")]
    [InlineData("SELECT o.id, (SELECT name FROM customers c WHERE c.id = o.customer_id) FROM orders o", $"SELECT o.id, (SELECT name FROM {C} c WHERE c.id = o.customer_id) FROM {O} o")]
    [InlineData("SELECT * FROM (SELECT id FROM customers) s", $"SELECT * FROM (SELECT id FROM {C} customers) s")]
    [InlineData("SELECT * FROM customers c JOIN LATERAL (SELECT * FROM orders o WHERE o.customer_id = c.id) x ON true", $"SELECT * FROM {C} c JOIN LATERAL (SELECT * FROM {O} o WHERE o.customer_id = c.id) x ON true")]
    [InlineData("SELECT region, count(*) FROM customers GROUP BY region HAVING count(*) > (SELECT count(*) FROM orders)", $"SELECT region, count(*) FROM {C} customers GROUP BY region HAVING count(*) > (SELECT count(*) FROM {O} orders)")]
    [InlineData("SELECT * FROM generate_series(1, (SELECT max(id) FROM customers)) g", $"SELECT * FROM generate_series(1, (SELECT max(id) FROM {C} customers)) g")]
    [InlineData("VALUES ((SELECT name FROM customers LIMIT 1))", $"VALUES ((SELECT name FROM {C} customers LIMIT 1))")]
    [InlineData("SELECT * FROM customers AS c TABLESAMPLE SYSTEM (50) REPEATABLE (1)", "SELECT * FROM (SELECT * FROM customers TABLESAMPLE system(50) REPEATABLE (1) WHERE customers.region = 'north') c")]
    [InlineData("SELECT * FROM customers c FOR UPDATE OF c", $"SELECT * FROM {C} c FOR UPDATE OF c")]
    public void Select_reads_are_filtered(string sql, string expected) => Assert.Equal(expected, Filters.Rewrite(sql));

    [Theory]
    [InlineData("SELECT id FROM customers UNION SELECT customer_id FROM orders ORDER BY 1", $"SELECT id FROM {C} customers UNION SELECT customer_id FROM {O} orders ORDER BY 1")]
    [InlineData("SELECT id FROM customers INTERSECT (SELECT id FROM customers EXCEPT ALL SELECT customer_id FROM orders)", $"SELECT id FROM {C} customers INTERSECT (SELECT id FROM {C} customers EXCEPT ALL SELECT customer_id FROM {O} orders)")]
    public void Each_branch_of_a_set_operation_is_filtered(string sql, string expected) => Assert.Equal(expected, Filters.Rewrite(sql));

    [Fact]
    public void A_left_join_stays_a_left_join_with_the_filter_inside_the_nullable_side() =>
        Assert.Equal(
            $"SELECT c.name, o.amount FROM {C} c LEFT JOIN {O} o ON o.customer_id = c.id",
            Filters.Rewrite("SELECT c.name, o.amount FROM customers c LEFT JOIN orders o ON o.customer_id = c.id"));

    [Theory]
    [InlineData("WITH x AS (SELECT * FROM customers) SELECT * FROM x", $"WITH x AS (SELECT * FROM {C} customers) SELECT * FROM x")]
    [InlineData("WITH customers AS (SELECT * FROM customers WHERE id > 2) SELECT * FROM customers", $"WITH customers AS (SELECT * FROM {C} customers WHERE id > 2) SELECT * FROM customers")]
    [InlineData("WITH a AS (SELECT * FROM customers), customers AS (SELECT * FROM a) SELECT * FROM customers", $"WITH a AS (SELECT * FROM {C} customers), customers AS (SELECT * FROM a) SELECT * FROM customers")]
    [InlineData("WITH customers AS (SELECT 1 AS id) SELECT * FROM customers, public.customers p", $"WITH customers AS (SELECT 1 AS id) SELECT * FROM customers, (SELECT * FROM public.customers WHERE customers.region = 'north') p")]
    [InlineData("SELECT * FROM orders WHERE customer_id IN (WITH customers AS (SELECT 1 AS id) SELECT id FROM customers) AND customer_id IN (SELECT id FROM customers)", $"SELECT * FROM {O} orders WHERE customer_id IN (WITH customers AS (SELECT 1 AS id) SELECT id FROM customers) AND customer_id IN (SELECT id FROM {C} customers)")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t, customers", $"WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t, {C} customers")]
    [InlineData("WITH d AS (DELETE FROM customers WHERE id = 1 RETURNING *) SELECT * FROM d", "WITH d AS (DELETE FROM customers WHERE id = 1 AND customers.region = 'north' RETURNING *) SELECT * FROM d")]
    public void A_cte_named_like_a_table_shadows_it_and_the_table_inside_is_filtered(string sql, string expected) =>
        Assert.Equal(expected, Filters.Rewrite(sql));

    [Theory]
    [InlineData("INSERT INTO orders (id, customer_id) SELECT id, id FROM customers", $"INSERT INTO orders (id, customer_id) SELECT id, id FROM {C} customers")]
    [InlineData("WITH customers AS (SELECT 1 AS id) INSERT INTO orders (id) SELECT id FROM customers", "WITH customers AS (SELECT 1 AS id) INSERT INTO orders (id) SELECT id FROM customers")]
    [InlineData("INSERT INTO customers AS c (id, region) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET region = excluded.region", "INSERT INTO customers AS c (id, region) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET region = excluded.region WHERE c.region = 'north'")]
    [InlineData("INSERT INTO customers (id) VALUES (1) ON CONFLICT DO NOTHING", "INSERT INTO customers (id) VALUES (1) ON CONFLICT DO NOTHING")]
    public void Insert_reads_its_source_filtered(string sql, string expected) => Assert.Equal(expected, Filters.Rewrite(sql));

    [Theory]
    [InlineData("UPDATE customers c SET name = 'x' WHERE c.id = 1 OR c.id = 2", "UPDATE customers c SET name = 'x' WHERE (c.id = 1 OR c.id = 2) AND c.region = 'north'")]
    [InlineData("UPDATE customers SET name = 'x'", "UPDATE customers SET name = 'x' WHERE customers.region = 'north'")]
    [InlineData("DELETE FROM customers WHERE id = 1", "DELETE FROM customers WHERE id = 1 AND customers.region = 'north'")]
    [InlineData("DELETE FROM public.customers AS c", "DELETE FROM public.customers c WHERE c.region = 'north'")]
    [InlineData("DELETE FROM orders o USING customers c WHERE o.customer_id = c.id", $"DELETE FROM orders o USING {C} c WHERE o.customer_id = c.id AND o.status = 'open'")]
    [InlineData("UPDATE orders SET amount = 1 FROM customers WHERE customers.id = orders.customer_id", $"UPDATE orders SET amount = 1 FROM {C} customers WHERE customers.id = orders.customer_id AND orders.status = 'open'")]
    [InlineData("UPDATE orders SET amount = (SELECT count(*) FROM customers) RETURNING (SELECT max(id) FROM customers)", $"UPDATE orders SET amount = (SELECT count(*) FROM {C} customers) WHERE orders.status = 'open' RETURNING (SELECT max(id) FROM {C} customers)")]
    public void Update_and_delete_change_only_rows_the_filters_allow(string sql, string expected) => Assert.Equal(expected, Filters.Rewrite(sql));

    [Theory]
    [InlineData("COPY customers (id, name) TO STDOUT", $"COPY (SELECT id, name FROM {C} customers) TO STDOUT")]
    [InlineData("COPY customers TO STDOUT", $"COPY (SELECT * FROM {C} customers) TO STDOUT")]
    [InlineData("COPY (SELECT * FROM customers) TO STDOUT", $"COPY (SELECT * FROM {C} customers) TO STDOUT")]
    [InlineData("COPY customers FROM STDIN", "COPY customers FROM STDIN")]
    [InlineData("EXPLAIN ANALYZE SELECT * FROM customers", $"EXPLAIN (ANALYZE) SELECT * FROM {C} customers")]
    [InlineData("DECLARE cur CURSOR FOR SELECT * FROM customers", $"DECLARE cur CURSOR FOR SELECT * FROM {C} customers")]
    [InlineData("PREPARE p AS SELECT * FROM customers WHERE id = $1", $"PREPARE p AS SELECT * FROM {C} customers WHERE id = $1")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM customers", $"CREATE TABLE copy AS SELECT * FROM {C} customers")]
    [InlineData("SELECT * INTO copy FROM customers", $"SELECT * INTO copy FROM {C} customers")]
    public void Utility_statements_read_through_filtered_queries(string sql, string expected) => Assert.Equal(expected, Filters.Rewrite(sql));

    [Theory]
    [InlineData("SELECT * FROM orders /* a comment */ WHERE id = 1")]
    [InlineData("SELECT * FROM orders -- only orders, unfiltered\n")]
    [InlineData("SELECT * FROM \"Customers\"")]
    [InlineData("SELECT * FROM other_schema.customers")]
    [InlineData("ALTER TABLE customers ADD COLUMN note text")]
    public void A_statement_reading_no_filtered_table_comes_back_as_it_was(string sql) =>
        Assert.Same(sql, Filters.Rewrite(sql, Filters.CustomersOfRegion("north")));

    [Fact]
    public void Filters_of_another_database_do_not_apply() =>
        Assert.Equal("SELECT * FROM customers", Filters.Rewrite("SELECT * FROM customers", new TableFilter(new("otherdb", "public", "customers"), "false", [])));

    [Fact]
    public void No_filters_return_the_sql_unchanged() =>
        Assert.Same("SELECT * FROM customers", SqlProxy.Analysis.Rewriting.RowFilterRewriter.Rewrite("SELECT * FROM customers", Filters.Database, []));

    [Fact]
    public void Several_filters_on_one_table_all_apply() =>
        Assert.Equal(
            "SELECT * FROM (SELECT * FROM customers WHERE customers.region = 'north' AND (customers.tier > 1 OR customers.vip)) customers",
            Filters.Rewrite("SELECT * FROM customers", Filters.CustomersOfRegion("north"), new(Filters.Customers, "tier > 1 OR vip", [])));

    [Fact]
    public void Several_filters_on_an_update_target_all_apply() =>
        Assert.Equal(
            "UPDATE customers c SET tier = 2 WHERE c.id = 1 AND c.region = 'north' AND (c.tier > 1 OR c.vip)",
            Filters.Rewrite("UPDATE customers c SET tier = 2 WHERE c.id = 1", Filters.CustomersOfRegion("north"), new(Filters.Customers, "tier > 1 OR vip", [])));

    [Fact]
    public void A_predicate_naming_its_table_is_qualified_with_the_alias_of_an_update_target() =>
        Assert.Equal(
            "UPDATE customers c SET tier = 2 WHERE c.region = 'north'",
            Filters.Rewrite("UPDATE customers c SET tier = 2", new TableFilter(Filters.Customers, "public.customers.region = $1", ["north"])));

    [Fact]
    public void Tables_in_a_predicate_are_not_filtered_again() =>
        Assert.Equal(
            "SELECT * FROM (SELECT * FROM customers WHERE customers.id IN (SELECT customer_id FROM public.orders WHERE status = 'open')) customers",
            Filters.Rewrite("SELECT * FROM customers", new(Filters.Customers, "id IN (SELECT customer_id FROM orders WHERE status = $1)", ["open"]), Filters.OpenOrders));

    [Fact]
    public void A_cte_of_the_statement_cannot_stand_in_for_a_table_the_predicate_reads() =>
        Assert.Equal(
            "WITH orders AS (SELECT 1 AS customer_id) SELECT * FROM (SELECT * FROM customers WHERE customers.id IN (SELECT customer_id FROM public.orders)) customers",
            Filters.Rewrite("WITH orders AS (SELECT 1 AS customer_id) SELECT * FROM customers", new TableFilter(Filters.Customers, "id IN (SELECT customer_id FROM orders)", [])));

    [Fact]
    public void A_cte_the_predicate_defines_itself_stays_unqualified() =>
        Assert.Equal(
            "SELECT * FROM (SELECT * FROM customers WHERE customers.id IN (WITH o AS (SELECT customer_id FROM public.orders) SELECT customer_id FROM o)) customers",
            Filters.Rewrite("SELECT * FROM customers", new TableFilter(Filters.Customers, "id IN (WITH o AS (SELECT customer_id FROM orders) SELECT customer_id FROM o)", [])));

    [Fact]
    public void An_unqualified_name_also_gets_the_filters_of_pg_catalog_which_postgres_searches_first() =>
        Assert.Equal(
            "SELECT * FROM (SELECT * FROM pg_class WHERE pg_class.relnamespace = '2200') pg_class",
            Filters.Rewrite("SELECT * FROM pg_class", new TableFilter(new(Filters.Database, "pg_catalog", "pg_class"), "relnamespace = $1", ["2200"])));
}
