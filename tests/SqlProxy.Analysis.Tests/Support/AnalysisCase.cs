namespace SqlProxy.Analysis.Tests.Support;

/// <summary>One case of a case file: SQL and the lines its analysis must contain.</summary>
/// <param name="Title">The case's title (its <c>===</c> line).</param>
/// <param name="File">The case file's name.</param>
/// <param name="Line">Where the case starts in its file.</param>
/// <param name="Sql">The SQL to analyse.</param>
/// <param name="UnknownSchema">Analyse against <see cref="DatabaseSchema.Empty"/> instead of the sample schema.</param>
/// <param name="Statements">Per statement, the expected lines; a single <c>error:</c> line when analysis must fail.</param>
internal sealed record AnalysisCase(string Title, string File, int Line, string Sql, bool UnknownSchema, IReadOnlyList<IReadOnlyList<string>> Statements)
{
    /// <summary>xunit shows this in the test name.</summary>
    public override string ToString() => $"{File}:{Line}: {Title}";
}
