using System.Net;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>The query API over real HTTP, against a real PostgreSQL with the sample data and rules.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class QueryApiTests(SampleDatabase sample)
{
    private RunningProxy Proxy => sample.Proxy;

    [Fact]
    public async Task Health_answers_200_while_serving()
    {
        var response = await Proxy.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_allowed_select_returns_rows_classifications_and_the_deciding_rule()
    {
        var response = await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id, name, email, phone FROM customers ORDER BY id LIMIT 5");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)json["success"]!);
        Assert.Equal(["id", "name", "email", "phone"], json["data"]!["columns"].Strings());
        Assert.Equal(5, json["data"]!["rows"]!.AsArray().Count);
        Assert.Equal("PII.Email", (string?)json["classifications"]!["email"]);
        Assert.Equal("PII.Phone", (string?)json["classifications"]!["phone"]);
        Assert.Equal("ALLOW", (string?)json["decision"]!["verdict"]);
        Assert.Matches(@"\.rules:\d+$", (string?)json["decision"]!["rule"]);
        Assert.False(string.IsNullOrEmpty((string?)json["audit_id"]));
        Assert.True((long)json["execution_time_us"]! > 0);
        Assert.Equal("SELECT", (string?)json["analysis"]!["statements"]![0]!["kind"]);
    }

    [Fact]
    public async Task A_column_derived_from_email_is_still_classified_as_email()
    {
        var json = await (await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT lower(email) AS contact FROM customers LIMIT 3")).JsonAsync();

        Assert.Equal("PII.Email", (string?)json["classifications"]!["contact"]);
        Assert.Equal(["testdb.public.customers.email"], json["analysis"]!["statements"]![0]!["projection"]![0]!["sources"].Strings());
    }

    [Theory]
    [InlineData(DemoKeys.Analyst, "INSERT INTO customers (name, email, region) VALUES ('x', 'x@example.com', 'north')")]
    [InlineData(DemoKeys.Analyst, "SELECT * FROM sensitive_data")]
    [InlineData(DemoKeys.Developer, "DROP TABLE order_items")]
    [InlineData(DemoKeys.Developer, "TRUNCATE orders")]
    [InlineData(DemoKeys.Developer, "DELETE FROM customers WHERE id = 1")]
    [InlineData(DemoKeys.Auditor, "UPDATE sensitive_data SET notes = 'x' WHERE id = 1")]
    [InlineData(DemoKeys.Auditor, "SELECT name FROM customers")]
    public async Task A_refused_statement_answers_403_with_the_decision(string key, string sql)
    {
        var response = await Proxy.QueryAsync(key, sql);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((bool)json["success"]!);
        Assert.Equal("POLICY_BLOCKED", (string?)json["error_code"]);
        Assert.Equal("BLOCK", (string?)json["decision"]!["verdict"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["error_message"]));
    }

    [Fact]
    public async Task Auditors_read_sensitive_data_but_never_its_card_numbers()
    {
        var allowed = await Proxy.QueryAsync(DemoKeys.Auditor, "SELECT id, ssn, salary FROM sensitive_data ORDER BY id LIMIT 3");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        foreach (var sql in new[] { "SELECT credit_card FROM sensitive_data", "SELECT * FROM sensitive_data", "SELECT id FROM sensitive_data WHERE credit_card LIKE '4%'" })
        {
            var blocked = await Proxy.QueryAsync(DemoKeys.Auditor, sql);
            var json = await blocked.JsonAsync();
            Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
            Assert.Contains(json["blocked_columns"].Strings(), c => c.EndsWith("credit_card", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Admins_may_run_ddl()
    {
        var create = await Proxy.QueryAsync(DemoKeys.Admin, "CREATE TABLE scratch_admin (id int)");
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var drop = await Proxy.QueryAsync(DemoKeys.Admin, "DROP TABLE scratch_admin");
        Assert.Equal(HttpStatusCode.OK, drop.StatusCode);
    }

    [Fact]
    public async Task Star_expands_to_the_columns_of_a_table_created_through_the_proxy()
    {
        await Proxy.QueryAsync(DemoKeys.Admin, "CREATE TABLE scratch_star (a int, b text)");
        try
        {
            var json = await (await Proxy.QueryAsync(DemoKeys.Admin, "SELECT * FROM scratch_star", dryRun: true)).JsonAsync();
            var access = json["analysis"]!["statements"]![0]!["accesses"]![0]!;
            Assert.Equal(["a", "b"], access["columns"].Strings());
        }
        finally
        {
            await Proxy.QueryAsync(DemoKeys.Admin, "DROP TABLE scratch_star");
        }
    }

    [Fact]
    public async Task If_any_statement_is_refused_none_runs()
    {
        var before = await CountAsync("orders");
        var response = await Proxy.QueryAsync(DemoKeys.Developer,
            "INSERT INTO orders (customer_id, order_number, amount, status) VALUES (1, 'ORD-MULTI-1', 10, 'pending'); DROP TABLE customers");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync())["analysis"]!["statements"]!.AsArray().Count);
        Assert.Equal(before, await CountAsync("orders"));
    }

    [Fact]
    public async Task A_failing_statement_rolls_back_the_statements_before_it()
    {
        var before = await CountAsync("orders");
        var response = await Proxy.QueryAsync(DemoKeys.Developer,
            "INSERT INTO orders (customer_id, order_number, amount, status) VALUES (1, 'ORD-ROLLBACK-1', 10, 'pending'); SELECT 1/0 FROM orders");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("QUERY_ERROR", (string?)(await response.JsonAsync())["error_code"]);
        Assert.Equal(before, await CountAsync("orders"));
    }

    [Fact]
    public async Task A_dry_run_judges_without_executing()
    {
        var before = await CountAsync("orders");
        var blocked = await Proxy.QueryAsync(DemoKeys.Analyst, "DELETE FROM orders", dryRun: true);
        var allowed = await Proxy.QueryAsync(DemoKeys.Developer, "DELETE FROM orders WHERE id < 0", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal("BLOCK", (string?)(await blocked.JsonAsync())["decision"]!["verdict"]);
        var json = await allowed.JsonAsync();
        Assert.Equal("ALLOW", (string?)json["decision"]!["verdict"]);
        Assert.Null(json["data"]);
        Assert.Equal(before, await CountAsync("orders"));
    }

    [Fact]
    public async Task Written_rows_are_counted()
    {
        var response = await Proxy.QueryAsync(DemoKeys.Developer, "UPDATE orders SET status = status WHERE id <= 3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (long)(await response.JsonAsync())["data"]!["rows_affected"]!);
    }

    [Fact]
    public async Task Provenance_follows_the_statement_whose_rows_are_returned()
    {
        var json = await (await Proxy.QueryAsync(DemoKeys.Developer,
            "SELECT upper(email) AS shout FROM customers WHERE id = -1; UPDATE orders SET status = status WHERE id = -1")).JsonAsync();
        Assert.Equal("PII.Email", (string?)json["classifications"]!["shout"]);
    }

    [Fact]
    public async Task A_select_affects_no_rows()
    {
        var json = await (await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FROM orders LIMIT 4")).JsonAsync();
        Assert.Equal(4, (long)json["data"]!["row_count"]!);
        Assert.Equal(0, (long)json["data"]!["rows_affected"]!);
    }

    private async Task<long> CountAsync(string table)
    {
        var json = await (await Proxy.QueryAsync(DemoKeys.Admin, $"SELECT count(*) FROM {table}")).JsonAsync();
        return (long)json["data"]!["rows"]![0]![0]!;
    }
}
