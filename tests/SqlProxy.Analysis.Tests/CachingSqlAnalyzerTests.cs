using SqlProxy.Analysis.Tests.Support;

namespace SqlProxy.Analysis.Tests;

public sealed class CachingSqlAnalyzerTests
{
    private const string Sql = "SELECT name FROM customers WHERE id = 1";

    [Fact]
    public void A_repeated_request_is_served_from_the_cache()
    {
        var cache = new CachingSqlAnalyzer(SampleDatabase.Analyzer);

        var first = cache.Analyze(Sql, SampleDatabase.Name, SampleDatabase.Schema);
        var second = cache.Analyze(Sql, SampleDatabase.Name, SampleDatabase.Schema);

        Assert.Same(first, second);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Text_database_and_schema_version_are_all_part_of_the_key()
    {
        var cache = new CachingSqlAnalyzer(SampleDatabase.Analyzer);
        var newerSchema = new DatabaseSchema([new TableColumns("public", "customers", ["id", "name"])]);

        var original = cache.Analyze(Sql, SampleDatabase.Name, SampleDatabase.Schema);
        var otherText = cache.Analyze(Sql + " ", SampleDatabase.Name, SampleDatabase.Schema);
        var otherDatabase = cache.Analyze(Sql, "otherdb", SampleDatabase.Schema);
        var otherSchema = cache.Analyze(Sql, SampleDatabase.Name, newerSchema);

        Assert.Equal(4, new HashSet<SqlAnalysis>([original, otherText, otherDatabase, otherSchema], ReferenceEqualityComparer.Instance).Count);
        Assert.Equal("otherdb.public.customers", otherDatabase.Statements[0].RelationsRead[0].ToString());
        Assert.Equal((0, 4), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Errors_are_cached_too()
    {
        var cache = new CachingSqlAnalyzer(SampleDatabase.Analyzer);

        var first = cache.Analyze("SELECT * FORM customers", SampleDatabase.Name, SampleDatabase.Schema);

        Assert.Same(first, cache.Analyze("SELECT * FORM customers", SampleDatabase.Name, SampleDatabase.Schema));
        Assert.Equal(SqlErrorKind.Syntax, first.Error?.Kind);
    }

    [Fact]
    public void A_full_cache_forgets_its_entries()
    {
        var cache = new CachingSqlAnalyzer(SampleDatabase.Analyzer, capacity: 2);

        cache.Analyze("SELECT 1", SampleDatabase.Name, SampleDatabase.Schema);
        cache.Analyze("SELECT 2", SampleDatabase.Name, SampleDatabase.Schema);
        cache.Analyze("SELECT 2", SampleDatabase.Name, SampleDatabase.Schema);
        cache.Analyze("SELECT 3", SampleDatabase.Name, SampleDatabase.Schema);
        cache.Analyze("SELECT 1", SampleDatabase.Name, SampleDatabase.Schema);

        Assert.Equal((1, 4), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Concurrent_callers_all_get_the_same_answer()
    {
        var cache = new CachingSqlAnalyzer(SampleDatabase.Analyzer, capacity: 8);
        var statements = Enumerable.Range(0, 20).Select(i => $"SELECT name FROM customers WHERE id = {i}").ToArray();

        var results = new string[2000];
        Parallel.For(0, results.Length, i =>
            results[i] = string.Join("\n", AnalysisText.Lines(cache.Analyze(statements[i % statements.Length], SampleDatabase.Name, SampleDatabase.Schema))));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Contains($"text: {statements[i % statements.Length]}", results[i]);
        }

        Assert.Equal(results.Length, cache.Hits + cache.Misses);
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new CachingSqlAnalyzer(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingSqlAnalyzer(SampleDatabase.Analyzer, 0));
    }
}
