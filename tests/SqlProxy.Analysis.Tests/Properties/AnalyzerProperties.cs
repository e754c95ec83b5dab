using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SqlProxy.Analysis.Tests.Support;

namespace SqlProxy.Analysis.Tests.Properties;

public sealed class AnalyzerProperties
{
    [Property(MaxTest = 500)]
    public bool Analyze_never_throws_on_arbitrary_strings(NonNull<string> sql) => Outcome(sql.Get);

    [Property(MaxTest = 500)]
    public Property Analyze_never_throws_on_token_soup() => Prop.ForAll(SqlGenerators.TokenSoup(), Outcome);

    [Property(MaxTest = 300)]
    public Property Whitespace_and_comments_between_tokens_do_not_change_the_accesses() =>
        Prop.ForAll(SqlGenerators.Respaced(), pair =>
        {
            var original = SampleDatabase.Analyze(pair.Original);
            var respaced = SampleDatabase.Analyze(pair.Respaced);
            return original.Succeeded
                && Accesses(original).SequenceEqual(Accesses(respaced))
                && Projection(original).SequenceEqual(Projection(respaced));
        });

    [Property(MaxTest = 300)]
    public Property An_unquoted_identifier_in_any_letter_case_is_the_same_relation() =>
        Prop.ForAll(
            (from table in SqlGenerators.AnyCase("sensitive_data")
             from column in SqlGenerators.AnyCase("ssn")
             from keyword in SqlGenerators.AnyCase("select")
             select $"{keyword} {column} FROM {table} WHERE Customer_ID = 7").ToArbitrary(),
            sql => Accesses(SampleDatabase.Analyze(sql)).SequenceEqual(["Select public.sensitive_data (ssn, customer_id)"]));

    [Property(MaxTest = 300)]
    public Property The_caching_analyzer_answers_like_the_uncached_one()
    {
        var cache = new CachingSqlAnalyzer(SampleDatabase.Analyzer, capacity: 16);
        return Prop.ForAll(SqlGenerators.AnySql(), sql =>
        {
            var expected = AnalysisText.Lines(SampleDatabase.Analyze(sql));
            return expected.SequenceEqual(AnalysisText.Lines(cache.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema)))
                && expected.SequenceEqual(AnalysisText.Lines(cache.Analyze(sql, SampleDatabase.Name, SampleDatabase.Schema)));
        });
    }

    private static bool Outcome(string sql)
    {
        var analysis = SampleDatabase.Analyze(sql);
        return analysis.Succeeded ? analysis.Statements.Count > 0 && analysis.Statements.All(s => s.Accesses.Count > 0) : analysis.Error is not null;
    }

    private static IEnumerable<string> Accesses(SqlAnalysis analysis) =>
        analysis.Statements.SelectMany(s => s.Accesses).Select(AnalysisText.Access);

    private static IEnumerable<string> Projection(SqlAnalysis analysis) =>
        analysis.Statements.SelectMany(s => s.Projection).Select(p => $"{p.Name} <- {string.Join(", ", p.Sources.Select(AnalysisText.Column))}");
}
