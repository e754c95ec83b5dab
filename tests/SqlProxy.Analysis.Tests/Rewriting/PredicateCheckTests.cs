using SqlProxy.Analysis.Rewriting;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>Predicates are checked when rules load: one expression, nothing smuggled after it, parameters within range.</summary>
public sealed class PredicateCheckTests
{
    [Theory]
    [InlineData("region = $1", 1)]
    [InlineData("region = $1 OR tier > 2 -- analysts", 1)]
    [InlineData("region IN ($1, $2) AND id IN (SELECT customer_id FROM orders WHERE status <> 'x; y')", 2)]
    [InlineData("true", 0)]
    [InlineData("owner = current_user", 0)]
    [InlineData("region = $1", 3)]
    public void A_usable_predicate_passes(string predicate, int parameterCount) =>
        Assert.Null(RowFilterRewriter.CheckPredicate(predicate, parameterCount));

    [Theory]
    [InlineData("region = $2", 1, "predicate `region = $2` uses `$2`, but only 1 value is bound")]
    [InlineData("region = $1", 0, "predicate `region = $1` uses `$1`, but no values are bound")]
    [InlineData("a = $3", 2, "predicate `a = $3` uses `$3`, but only 2 values are bound")]
    [InlineData("a = $0", 1, "predicate `a = $0` uses `$0`, but parameters start at `$1`")]
    [InlineData("true; DROP TABLE customers", 0, "predicate `true; DROP TABLE customers` must be one expression with nothing after it")]
    [InlineData("true UNION SELECT 1", 0, "predicate `true UNION SELECT 1` must be one expression with nothing after it")]
    [InlineData("true ORDER BY 1", 0, "predicate `true ORDER BY 1` must be one expression with nothing after it")]
    [InlineData("true GROUP BY 1", 0, "predicate `true GROUP BY 1` must be one expression with nothing after it")]
    [InlineData("true LIMIT 1", 0, "predicate `true LIMIT 1` must be one expression with nothing after it")]
    [InlineData("true FOR UPDATE", 0, "predicate `true FOR UPDATE` must be one expression with nothing after it")]
    [InlineData("true) OR (1=1", 0, "predicate `true) OR (1=1` is not a valid SQL expression: syntax error at or near \")\"")]
    [InlineData("x FROM customers", 0, "predicate `x FROM customers` is not a valid SQL expression: syntax error at or near \"FROM\"")]
    [InlineData("region = 'north", 0, "predicate `region = 'north` is not a valid SQL expression: unterminated quoted string at or near \"'north\"")]
    [InlineData("true /*", 0, "predicate `true /*` is not a valid SQL expression: unterminated /* comment at or near \"/*\"")]
    [InlineData("", 0, "the predicate is empty")]
    [InlineData("  -- nothing", 0, "predicate `  -- nothing` is not a valid SQL expression: syntax error at end of input")]
    [InlineData("a\0b", 0, "predicate `a\0b` is not a valid SQL expression: SQL contains a NUL character at position 15")]
    public void An_unusable_predicate_is_named_in_one_sentence(string predicate, int parameterCount, string expected) =>
        Assert.Equal(expected, RowFilterRewriter.CheckPredicate(predicate, parameterCount));

    [Fact]
    public void A_negative_parameter_count_is_a_caller_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RowFilterRewriter.CheckPredicate("true", -1));

    [Fact]
    public void Rewrite_refuses_a_filter_whose_predicate_is_unusable()
    {
        var error = Assert.Throws<RowFilterException>(() => Filters.Rewrite("SELECT * FROM customers", new TableFilter(Filters.Customers, "true; DROP TABLE customers", [])));
        Assert.Equal("the row filter on `testdb.public.customers` cannot be applied: predicate `true; DROP TABLE customers` must be one expression with nothing after it", error.Message);
    }

    [Fact]
    public void Rewrite_refuses_a_filter_with_fewer_values_than_its_predicate_uses()
    {
        var error = Assert.Throws<RowFilterException>(() => Filters.Rewrite("SELECT * FROM customers", new TableFilter(Filters.Customers, "region = $1 OR region = $2", ["north"])));
        Assert.Equal("the row filter on `testdb.public.customers` cannot be applied: predicate `region = $1 OR region = $2` uses `$2`, but only 1 value is bound", error.Message);
    }
}
