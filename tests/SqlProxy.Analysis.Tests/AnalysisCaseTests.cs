using SqlProxy.Analysis.Tests.Support;

namespace SqlProxy.Analysis.Tests;

/// <summary>Runs Cases/*.cases: SQL ⇒ expected kind, accesses, projection, columns.</summary>
public sealed class AnalysisCaseTests
{
    private static readonly Lazy<Dictionary<string, AnalysisCase>> CasesByName = new(() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases"), "*.cases")
            .Order(StringComparer.Ordinal)
            .SelectMany(AnalysisCaseReader.Read)
            .ToDictionary(c => c.ToString()));

    /// <summary>Cases by name, so that xunit lists each one as its own test.</summary>
    public static TheoryData<string> Cases() => [.. CasesByName.Value.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analysis_matches_the_case(string name)
    {
        var analysisCase = CasesByName.Value[name];
        var analysis = SampleDatabase.Analyze(analysisCase.Sql, analysisCase.UnknownSchema ? DatabaseSchema.Empty : null);
        var actual = Split(AnalysisText.Lines(analysis));
        Assert.True(
            actual.Count == analysisCase.Statements.Count,
            $"expected {analysisCase.Statements.Count} statement(s), got:\n{string.Join("\n", AnalysisText.Lines(analysis))}");

        for (var i = 0; i < actual.Count; i++)
        {
            var expected = string.Join("\n", analysisCase.Statements[i]);
            var keys = analysisCase.Statements[i].Select(Key).ToHashSet();
            var compared = string.Join("\n", actual[i].Where(l => keys.Contains(Key(l))));
            Assert.True(expected == compared, $"statement {i + 1}, expected:\n{expected}\n\nactual:\n{compared}");
        }
    }

    [Fact]
    public void The_case_files_have_cases() => Assert.True(CasesByName.Value.Count > 100);

    private static string Key(string line) => line[..Math.Max(0, line.IndexOf(':'))];

    private static List<List<string>> Split(IReadOnlyList<string> lines)
    {
        var statements = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (line == "---")
            {
                statements.Add([]);
            }
            else
            {
                statements[^1].Add(line);
            }
        }

        return statements;
    }
}
