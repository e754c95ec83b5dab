using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>
/// Row filters checked against a real PostgreSQL. The rewritten statement run over all rows must return exactly what the
/// original returns over only the rows the filters allow (the others deleted in a rolled-back transaction): this holds
/// for every query shape, outer joins, NOT EXISTS and aggregates included. For queries that can only lose rows when
/// tables do, the rewritten result must also be a sub-multiset of the original's: filters never widen what a user sees.
/// And every customers row a rewritten query returns is one the filters allow.
/// </summary>
[Collection(FilterDatabaseCollection.Name)]
public sealed class RowFilterSemanticsProperties(FilterDatabase database)
{
    private static Arbitrary<FilterCase> Cases(Gen<Fragment> statements) =>
        (from statement in statements
         from filters in FilterGenerator.Filters()
         select new FilterCase(statement, filters)).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property The_rewritten_statement_returns_what_the_original_returns_over_the_allowed_rows_only() =>
        Prop.ForAll(Cases(QueryGenerator.Statement()), testCase =>
        {
            var rewritten = database.Run(testCase.Rewritten());
            var overAllowedRows = database.Run(testCase.Statement.Sql, testCase.Filters);
            Assert.True(rewritten.SameAs(overAllowedRows), $"rewritten: {testCase.Rewritten()}\n-- returned:\n{rewritten}\n-- original over the allowed rows returned:\n{overAllowedRows}");
        });

    [Property(MaxTest = 100)]
    public Property Row_filters_never_widen_what_a_user_sees() =>
        Prop.ForAll(Cases(QueryGenerator.Statement().Where(statement => statement.Monotone)), testCase =>
        {
            var rewritten = database.Run(testCase.Rewritten());
            var original = database.Run(testCase.Statement.Sql);
            Assert.True(rewritten.IsSubMultisetOf(original), $"rewritten: {testCase.Rewritten()}\n-- returned:\n{rewritten}\n-- original returned:\n{original}");
        });

    [Property(MaxTest = 100)]
    public Property Every_customer_a_rewritten_query_returns_satisfies_the_customer_filters() =>
        Prop.ForAll(Cases(QueryGenerator.CustomerReads()), testCase =>
        {
            var returned = database.Run(testCase.Rewritten()).Values.Where(id => id != "∅");
            var allowed = database.Run("SELECT id FROM customers", testCase.Filters).Values.ToHashSet();
            Assert.True(returned.All(allowed.Contains), $"rewritten: {testCase.Rewritten()}\n-- returned ids: {string.Join(", ", returned)}\n-- allowed ids: {string.Join(", ", allowed)}");
        });
}
