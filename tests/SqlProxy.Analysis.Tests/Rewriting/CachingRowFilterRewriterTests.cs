using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>A cached rewrite is the rewrite of exactly these inputs: the same text as uncached, never another filter's.</summary>
public sealed class CachingRowFilterRewriterTests
{
    private const string Sql = "SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id";

    [Fact]
    public void A_repeated_rewrite_is_served_from_the_cache_with_the_same_text()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default);
        var filters = new[] { Filters.CustomersOfRegion("north"), Filters.OpenOrders };

        var first = cache.Rewrite(Sql, Filters.Database, filters);
        var second = cache.Rewrite(Sql, Filters.Database, [Filters.CustomersOfRegion("north"), Filters.OpenOrders]);

        Assert.Equal(RowFilterRewriter.Rewrite(Sql, Filters.Database, filters), first);
        Assert.Same(first, second);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Statement_database_table_predicate_values_and_order_are_all_part_of_the_key()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default);
        var north = Filters.CustomersOfRegion("north");
        var otherDb = new RelationName("otherdb", "public", "customers");
        var gold = new TableFilter(Filters.Customers, "tier = $1", ["gold"]);
        (string Sql, string Database, TableFilter[] Filters)[] inputs =
        [
            (Sql, Filters.Database, [north, Filters.OpenOrders]),
            (Sql + " WHERE true", Filters.Database, [north, Filters.OpenOrders]),
            (Sql, "otherdb", [new TableFilter(otherDb, "region = $1", ["north"])]),
            (Sql, Filters.Database, [new TableFilter(Filters.Orders, "region = $1", ["north"])]),
            (Sql, Filters.Database, [new TableFilter(Filters.Customers, "tier = $1", ["north"])]),
            (Sql, Filters.Database, [Filters.CustomersOfRegion("south")]),
            // Two filters on one table: the order of the predicates follows the order of the filters.
            (Sql, Filters.Database, [north, gold]),
            (Sql, Filters.Database, [gold, north]),
        ];

        var rewritten = inputs.Select(input => cache.Rewrite(input.Sql, input.Database, input.Filters)).ToArray();

        Assert.Equal(inputs.Select(input => RowFilterRewriter.Rewrite(input.Sql, input.Database, input.Filters)), rewritten);
        Assert.Equal(inputs.Length, rewritten.Distinct().Count());
        Assert.Equal((0, inputs.Length), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void A_statement_that_cannot_be_rewritten_is_refused_every_time_with_the_same_message()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default);
        TableFilter[] filters = [new TableFilter(Filters.Customers, "region = = $1", ["north"])];
        var expected = Assert.Throws<RowFilterException>(() => RowFilterRewriter.Rewrite("SELECT * FROM customers", Filters.Database, filters)).Message;

        var first = Assert.Throws<RowFilterException>(() => cache.Rewrite("SELECT * FROM customers", Filters.Database, filters));
        var second = Assert.Throws<RowFilterException>(() => cache.Rewrite("SELECT * FROM customers", Filters.Database, filters));
        var badStatement = Assert.Throws<RowFilterException>(() => cache.Rewrite("SELECT * FORM customers", Filters.Database, [Filters.OpenOrders]));
        Assert.Throws<RowFilterException>(() => cache.Rewrite("SELECT * FORM customers", Filters.Database, [Filters.OpenOrders]));

        Assert.Equal([expected, expected], [first.Message, second.Message]);
        Assert.StartsWith("the statement cannot be rewritten with row filters: ", badStatement.Message);
        Assert.Equal((0, 4), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Without_filters_the_statement_is_returned_unchanged_and_not_cached()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default);

        Assert.Same(Sql, cache.Rewrite(Sql, Filters.Database, []));
        Assert.Equal((0, 0), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void The_cache_limits_apply_to_the_rewrite()
    {
        var cache = new CachingRowFilterRewriter(new AnalysisLimits(MaxSqlBytes: 20));

        Assert.Throws<RowFilterException>(() => cache.Rewrite(Sql, Filters.Database, [Filters.OpenOrders]));
    }

    [Fact]
    public void A_full_cache_forgets_its_entries()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default, capacity: 2);
        string Rewrite(string region) => cache.Rewrite(Sql, Filters.Database, [Filters.CustomersOfRegion(region)]);

        Rewrite("a");
        Rewrite("b");
        Rewrite("b");
        Rewrite("c");
        var again = Rewrite("a");

        Assert.Equal((1, 4), (cache.Hits, cache.Misses));
        Assert.Contains("'a'", again);
    }

    [Fact]
    public void The_cache_stays_bounded_under_many_distinct_rewrites()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default, capacity: 8);
        for (var i = 0; i < 100; i++)
        {
            cache.Rewrite(Sql, Filters.Database, [Filters.CustomersOfRegion($"region {i}")]);
        }

        // Had it kept all 100, the first ones would now be hits.
        for (var i = 0; i < 80; i++)
        {
            cache.Rewrite(Sql, Filters.Database, [Filters.CustomersOfRegion($"region {i}")]);
        }

        Assert.True(cache.Hits <= 8, $"{cache.Hits} hits: more than the capacity was kept");
    }

    [Fact]
    public void Concurrent_callers_all_get_the_uncached_answer()
    {
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default, capacity: 8);
        var regions = Enumerable.Range(0, 20).Select(i => $"region {i}'").ToArray();
        var expected = regions.Select(region => Filters.Rewrite(Sql, Filters.CustomersOfRegion(region))).ToArray();

        var actual = new string[2000];
        Parallel.For(0, actual.Length, i =>
            actual[i] = cache.Rewrite(Sql, Filters.Database, [Filters.CustomersOfRegion(regions[i % regions.Length])]));

        Assert.Equal(Enumerable.Range(0, actual.Length).Select(i => expected[i % expected.Length]), actual);
        Assert.Equal(actual.Length, cache.Hits + cache.Misses);
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new CachingRowFilterRewriter(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingRowFilterRewriter(AnalysisLimits.Default, 0));
        var cache = new CachingRowFilterRewriter(AnalysisLimits.Default);
        Assert.Throws<ArgumentNullException>(() => cache.Rewrite(null!, Filters.Database, []));
        Assert.Throws<ArgumentNullException>(() => cache.Rewrite(Sql, null!, []));
        Assert.Throws<ArgumentNullException>(() => cache.Rewrite(Sql, Filters.Database, null!));
    }

    /// <summary>
    /// One cache sees every generated filter list in turn (so a colliding key would serve another list's rewrite), and
    /// each answer must equal the uncached rewrite of its own list.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property A_cached_rewrite_equals_the_uncached_one_for_any_values() =>
        Prop.ForAll(FilterLists.ToArbitrary(), lists =>
        {
            var cache = new CachingRowFilterRewriter(AnalysisLimits.Default);
            foreach (var filters in lists.Concat(lists))
            {
                if (Outcome(() => cache.Rewrite(Sql, Filters.Database, filters)) != Outcome(() => RowFilterRewriter.Rewrite(Sql, Filters.Database, filters)))
                {
                    return false;
                }
            }

            return true;
        });

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Look_alike_filter_lists_have_different_keys(TableFilter[] one, TableFilter[] other) =>
        Assert.NotEqual(RewriteCacheKey.Encode(one), RewriteCacheKey.Encode(other));

    public static TheoryData<TableFilter[], TableFilter[]> LookAlikes { get; } = new()
    {
        { [Values("a", "b")], [Values("ab")] },
        { [Values("a", "b")], [Values("a\0b")] },
        { [Values("a", "b")], [Values("a,b")] },
        { [Values("a,", "")], [Values("a", ",")] },
        { [Values("1:a", "")], [Values("1", "a")] },
        { [Values("")], [Values()] },
        { [Values("", "")], [Values("")] },
        { [Values("1:a")], [Values("a")] },
        { [Values("a"), Values("b")], [Values("a", "b")] },
        { [new TableFilter(Filters.Customers, "x = $1", ["a"])], [new TableFilter(Filters.Customers, "x = $1#1;1:a", [])] },
        { [new TableFilter(new RelationName("testdb", "a.b", "c"), "true", [])], [new TableFilter(new RelationName("testdb", "a", "b.c"), "true", [])] },
    };

    private static TableFilter Values(params string[] values) =>
        new(Filters.Customers, "region = $1 OR name = $2 OR tier::text = $3", values);

    /// <summary>Several lists of filters, with values full of quotes, separators, empty strings and a NUL (refused).</summary>
    private static Gen<TableFilter[][]> FilterLists
    {
        get
        {
            // Small pieces, two values a filter: different lists often differ only in where one value ends.
            var value = Gen.Elements("", "a", ",", "a,", "1:a", "1", "'", "a\0b");
            var table = Gen.Elements(Filters.Customers, Filters.Customers, new RelationName("otherdb", "public", "customers"));
            var filter =
                from relation in table
                from first in value
                from second in value
                select new TableFilter(relation, "region = $1 OR name = $2", [first, second]);
            var filters = Gen.Choose(1, 2).SelectMany(count => Gen.ArrayOf(filter, count));
            return Gen.Choose(5, 30).SelectMany(count => Gen.ArrayOf(filters, count));
        }
    }

    /// <summary>The rewrite, or the refusal's message.</summary>
    private static string Outcome(Func<string> rewrite)
    {
        try
        {
            return "ok: " + rewrite();
        }
        catch (RowFilterException e)
        {
            return "refused: " + e.Message;
        }
    }
}
