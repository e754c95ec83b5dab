using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Analysis.Tests.Properties;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>Whatever the input, a rewrite returns SQL or throws <see cref="RowFilterException"/> with one sentence; it never crashes.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("SELECT * FORM customers", "the statement cannot be rewritten with row filters: syntax error at or near \"FORM\"")]
    [InlineData("SELECT 1; SELECT * FROM customers", "row filters are applied to one statement at a time, and this SQL holds 2")]
    [InlineData("", "the SQL holds no statement to rewrite with row filters (it is empty or only comments)")]
    [InlineData("-- only a comment", "the SQL holds no statement to rewrite with row filters (it is empty or only comments)")]
    [InlineData("SELECT 1 IS JSON", "the statement cannot be rewritten with row filters: syntax error at or near \"JSON\"")]
    [InlineData("SELECT '\0' FROM customers", "the statement cannot be rewritten with row filters: SQL contains a NUL character at position 9")]
    [InlineData("TRUNCATE customers", "TRUNCATE of filtered table `customers` cannot be limited to the rows its row filters allow")]
    [InlineData("MERGE INTO customers c USING orders o ON o.customer_id = c.id WHEN MATCHED THEN DELETE", "MERGE into filtered table `customers` cannot be limited to the rows its row filters allow")]
    [InlineData("UPDATE customers SET name = 'x' WHERE CURRENT OF cur", "UPDATE … WHERE CURRENT OF on filtered table `customers` cannot be limited to the rows its row filters allow")]
    [InlineData("DELETE FROM customers WHERE CURRENT OF cur", "DELETE … WHERE CURRENT OF on filtered table `customers` cannot be limited to the rows its row filters allow")]
    public void Unusable_statements_are_refused_in_one_sentence(string sql, string expected) =>
        Assert.Equal(expected, Assert.Throws<RowFilterException>(() => Filters.Rewrite(sql)).Message);

    [Fact]
    public void A_merge_from_a_filtered_source_reads_it_filtered() =>
        Assert.Equal(
            "MERGE INTO orders o USING (SELECT * FROM customers WHERE customers.region = 'north') c ON o.customer_id = c.id WHEN MATCHED THEN DELETE",
            Filters.Rewrite("MERGE INTO orders o USING customers c ON o.customer_id = c.id WHEN MATCHED THEN DELETE", Filters.CustomersOfRegion("north")));

    [Fact]
    public void Sql_over_the_length_limit_is_refused_before_parsing()
    {
        var sql = "SELECT * FROM customers WHERE id IN (" + string.Join(",", Enumerable.Range(0, 30_000)) + ")";
        Assert.Equal(
            "the statement cannot be rewritten with row filters: SQL is longer than the limit of 100000 UTF-8 bytes (MaxSqlBytes)",
            Assert.Throws<RowFilterException>(() => Filters.Rewrite(sql)).Message);
    }

    [Fact]
    public void Sql_nested_past_the_depth_limit_is_refused()
    {
        var sql = "SELECT * FROM customers WHERE id = " + string.Concat(Enumerable.Repeat("1 + ", 2_000)) + "1";
        Assert.Equal(
            "the statement cannot be rewritten with row filters: SQL is nested deeper than the limit of 1000 levels (MaxDepth)",
            Assert.Throws<RowFilterException>(() => Filters.Rewrite(sql)).Message);
    }

    [Fact]
    public void A_long_chain_within_raised_limits_is_rewritten_on_the_large_stack_without_crashing()
    {
        var limits = new AnalysisLimits(MaxSqlBytes: AnalysisLimits.HardMaxSqlBytes, MaxDepth: AnalysisLimits.HardMaxDepth);
        var sql = "SELECT * FROM customers WHERE id = " + string.Concat(Enumerable.Repeat("1+", 5_000)) + "1";
        var rewritten = RowFilterRewriter.Rewrite(sql, Filters.Database, [Filters.CustomersOfRegion("north")], limits);
        Assert.StartsWith("SELECT * FROM (SELECT * FROM customers WHERE customers.region = 'north') customers WHERE id = ((((", rewritten);
    }

    [Fact]
    public void Deep_sql_just_under_the_inline_size_is_rewritten_without_exhausting_a_small_thread_stack()
    {
        // SQL up to 4 KiB is rewritten on the caller's thread, and thread-pool threads may have only 1.5 MB of stack: this
        // 2,000-level tree is too deep for that and must move to the large-stack thread.
        var limits = new AnalysisLimits(MaxDepth: AnalysisLimits.HardMaxDepth);
        var sql = "SELECT * FROM customers WHERE NOT " + string.Concat(Enumerable.Repeat("NOT ", 1_000)) + "vip";
        string? rewritten = null;
        var thread = new Thread(() => rewritten = RowFilterRewriter.Rewrite(sql, Filters.Database, [Filters.CustomersOfRegion("north")], limits), 1536 * 1024);
        thread.Start();
        thread.Join();
        Assert.StartsWith("SELECT * FROM (SELECT * FROM customers WHERE customers.region = 'north') customers WHERE NOT NOT ", rewritten);
    }

    [Fact]
    public void A_predicate_nested_deeper_than_64_levels_is_refused()
    {
        var predicate = string.Concat(Enumerable.Repeat("NOT ", 40)) + "vip";
        Assert.Equal($"predicate `{predicate}` is nested deeper than 64 levels", RowFilterRewriter.CheckPredicate(predicate, 0));
    }

    [Property(MaxTest = 300)]
    public bool Arbitrary_strings_are_rewritten_or_refused(NonNull<string> sql) => Outcome(sql.Get);

    [Property(MaxTest = 300)]
    public Property Sql_and_token_soup_are_rewritten_or_refused() => Prop.ForAll(SqlGenerators.AnySql(), Outcome);

    private static bool Outcome(string sql)
    {
        try
        {
            return Filters.Rewrite(sql) is not null;
        }
        catch (RowFilterException exception)
        {
            // PostgreSQL's messages quote the offending token, which may hold a line break (an unterminated "\n).
            return exception.Message.Length > 0;
        }
    }
}
