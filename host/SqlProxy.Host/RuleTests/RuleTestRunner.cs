using SqlProxy.Analysis;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Masking;
using SqlProxy.Host.Pipeline;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.RuleTests;

/// <summary>
/// Runs rule tests the way the proxy judges a request, without a database: the real analyzer, the rules'
/// decision and trace, the row-filter rewriter, the mask selection by provenance and the row cap.
/// </summary>
/// <param name="schemas">The live schema of each configured database, or null without a configuration (then any database name is taken, with no schema).</param>
internal sealed class RuleTestRunner(RuleSet rules, ISqlAnalyzer analyzer, IReadOnlyDictionary<string, DatabaseSchema>? schemas)
{
    private const string RequestId = "rule-test";

    public RuleTestResult Run(RuleTestCase test)
    {
        DatabaseSchema schema;
        if (schemas is null) schema = DatabaseSchema.Empty;
        else if (!schemas.TryGetValue(test.Database, out schema!))
            return new RuleTestResult(test, [$"{test.Path}:{test.Line}: `{test.Database}` is not a configured database"], null);

        var analysis = analyzer.Analyze(test.Sql, test.Database, schema);
        if (analysis.Error is { } error)
            return new RuleTestResult(test, [$"{test.Path}:{test.Line}: the SQL cannot be analysed: {error.Message}"], null);

        var outcome = Judge(test, analysis.Statements);
        var failures = test.Expectations
            .Select(expectation => expectation.Check(outcome) is { } failure ? $"{test.Path}:{expectation.Line}: {failure}" : null)
            .OfType<string>()
            .ToArray();
        return new RuleTestResult(test, failures, outcome);
    }

    private RuleTestOutcome Judge(RuleTestCase test, IReadOnlyList<StatementAnalysis> statements)
    {
        var request = new RequestInfo(RequestId, test.User, test.Database, test.ClientAddress, test.Time);
        var explanations = statements.Select(statement => rules.Explain(request, statement)).ToArray();
        var decisions = explanations.Select(explanation => explanation.Decision).ToArray();
        // As the decide stage: the first blocked statement refuses the request, else the first statement speaks for it.
        var decision = decisions.FirstOrDefault(d => d.Verdict == Verdict.Block) ?? decisions[0];
        var (executed, rewriteError) = Rewrite(test.Database, statements, decisions);
        return new RuleTestOutcome(
            decision,
            [.. explanations.SelectMany(explanation => explanation.Trace)],
            MaskedColumns(statements, decisions),
            executed,
            rewriteError,
            RowCap.For(decisions, long.MaxValue).RuleLimit);
    }

    private static (string Sql, string? Error) Rewrite(string database, IReadOnlyList<StatementAnalysis> statements, IReadOnlyList<Decision> decisions)
    {
        var executed = new List<string>();
        for (var i = 0; i < statements.Count; i++)
        {
            var filters = decisions[i].Filters.Select(f => new TableFilter(f.Table, f.Predicate, f.Values)).ToArray();
            try
            {
                executed.Add(RowFilterRewriter.Rewrite(statements[i].Sql, database, filters));
            }
            catch (RowFilterException e)
            {
                return ("", e.Message);
            }
        }
        return (string.Join("; ", executed), null);
    }

    /// <summary>The result columns a column mask covers, as the mask stage chooses them; label masks need values, so they are left out.</summary>
    private static IReadOnlyList<string> MaskedColumns(IReadOnlyList<StatementAnalysis> statements, IReadOnlyList<Decision> decisions)
    {
        var returning = ResultProvenance.ReturningStatement(statements);
        if (returning < 0) return [];
        var masks = decisions.Skip(returning).Take(1).Concat(decisions.Where((_, i) => i != returning))
            .SelectMany(d => d.Masks)
            .Where(mask => mask.Columns is not null)
            .Distinct()
            .ToArray();
        return statements[returning].Projection
            .Where(column => MaskSelector.Select(masks, column.Sources, []) is not null)
            .Select(column => column.Name)
            .ToArray();
    }
}
