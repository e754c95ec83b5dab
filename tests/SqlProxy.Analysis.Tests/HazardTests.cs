using SqlProxy.Analysis.Tests.Support;

namespace SqlProxy.Analysis.Tests;

/// <summary>
/// Inputs that kill the process when unguarded (shared/LIBPG_QUERY.md, Hazards). Each must come
/// back as a result or a clean error; a failure here takes the whole test run down.
/// </summary>
public sealed class HazardTests
{
    private static readonly SqlAnalyzer Unbounded = new(new AnalysisLimits(AnalysisLimits.HardMaxSqlBytes, AnalysisLimits.HardMaxDepth));

    [Fact]
    public void A_40000_term_sum_is_TooDeep_under_the_default_limits()
    {
        var sql = "SELECT " + string.Join("+", Enumerable.Repeat("1", 40_000));

        Assert.Equal(SqlErrorKind.TooDeep, SampleDatabase.Analyze(sql).Error?.Kind);
    }

    [Fact]
    public void A_40000_term_sum_under_raised_limits_is_a_result_or_TooDeep()
    {
        var sql = "SELECT " + string.Join("+", Enumerable.Repeat("1", 40_000));

        AssertResultOrTooDeep(Unbounded.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema));
    }

    [Fact]
    public void A_30000_way_UNION_ALL_under_raised_limits_is_a_result_or_TooDeep()
    {
        var sql = string.Join(" UNION ALL ", Enumerable.Repeat("SELECT id FROM orders", 30_000));

        var analysis = Unbounded.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema);

        AssertResultOrTooDeep(analysis);
        if (analysis.Succeeded)
        {
            Assert.Equal("Select public.orders (id)", AnalysisText.Access(Assert.Single(analysis.Statements[0].Accesses)));
        }
    }

    [Fact]
    public async Task A_long_chain_is_safe_from_thread_pool_threads_too()
    {
        var sql = "SELECT " + string.Join("||", Enumerable.Repeat("email", 30_000)) + " FROM customers";

        var analyses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Unbounded.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema))));

        Assert.All(analyses, AssertResultOrTooDeep);
    }

    [Theory]
    [InlineData(" JOIN orders ON true")]
    [InlineData(" JOIN orders USING (id)")]
    [InlineData(" NATURAL JOIN orders")]
    public void A_20000_way_join_chain_under_raised_limits_is_a_result_or_TooDeep(string join)
    {
        var sql = "SELECT * FROM customers" + string.Concat(Enumerable.Repeat(join, 20_000));

        AssertResultOrTooDeep(Unbounded.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema));
    }

    [Fact]
    public void Ten_thousand_nested_parentheses_are_a_clean_error()
    {
        var sql = "SELECT " + new string('(', 10_000) + "1" + new string(')', 10_000);

        var error = Unbounded.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema).Error;

        Assert.Equal(new SqlError(SqlErrorKind.Syntax, "memory exhausted at or near \"(\"", error?.CursorPosition), error);
    }

    [Fact]
    public void SQL_over_the_hard_cap_is_TooLong_without_reaching_the_parser()
    {
        var justOver = "SELECT " + new string('1', AnalysisLimits.HardMaxSqlBytes);
        var huge = new string(' ', 50 * 1024 * 1024);

        Assert.Equal(SqlErrorKind.TooLong, Unbounded.Analyze(justOver, SampleDatabase.Name, SampleDatabase.Schema).Error?.Kind);
        Assert.Equal(SqlErrorKind.TooLong, Unbounded.Analyze(huge, SampleDatabase.Name, SampleDatabase.Schema).Error?.Kind);
    }

    [Fact]
    public void Small_SQL_parsed_inline_on_a_small_stack_is_a_result_or_TooDeep()
    {
        // At the inline threshold, as deep as that many bytes can nest, on a third of a thread-pool thread's stack.
        var sql = "SELECT " + string.Join("+", Enumerable.Repeat("1", (SqlAnalyzer.InlineMaxBytes - 8) / 2));
        Assert.True(sql.Length <= SqlAnalyzer.InlineMaxBytes);
        SqlAnalysis? analysis = null;
        var thread = new Thread(() => analysis = Unbounded.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema), 512 * 1024);

        thread.Start();
        thread.Join();

        AssertResultOrTooDeep(analysis!);
    }

    private static void AssertResultOrTooDeep(SqlAnalysis analysis) =>
        Assert.True(analysis.Succeeded || analysis.Error!.Kind == SqlErrorKind.TooDeep, analysis.Error?.ToString());
}
