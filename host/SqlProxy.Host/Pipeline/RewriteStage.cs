using SqlProxy.Analysis.Rewriting;
using SqlProxy.Rules;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Plans what runs: each statement merged with its row filters (through the parse tree), and the
/// most rows the result may return. A statement that cannot be filtered safely is refused, never run unfiltered.
/// Rewrites are cached (<see cref="CachingRowFilterRewriter"/>): a repeated statement with the same filters and values
/// is not parsed again.
/// </summary>
internal sealed class RewriteStage(CachingRowFilterRewriter rewriter) : IQueryStage
{
    public string Name => "rewrite";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Rewrite(context, rewriter));

    private static StageResult Rewrite(QueryContext context, CachingRowFilterRewriter rewriter)
    {
        var database = context.Database!.Config;
        var decisions = context.StatementDecisions;
        var planned = context with { RowCap = RowCap.For(decisions, database.MaxRows) };
        var executed = new string[context.Statements.Count];
        for (var i = 0; i < executed.Length; i++)
        {
            var statement = context.Statements[i];
            var filters = decisions[i].Filters;
            try
            {
                executed[i] = rewriter.Rewrite(statement.Sql, database.Name, filters.Select(ToTableFilter).ToArray());
            }
            catch (RowFilterException e)
            {
                var rules = string.Join(", ", filters.Select(f => f.Rule.ToString()).Distinct());
                var position = executed.Length > 1 ? $"statement {i + 1} " : "the statement ";
                return StageResult.Stop(planned, new QueryFailure(400, "ROW_FILTER_FAILED",
                    $"{position}cannot run with the row filters of {rules}: {e.Message}"));
            }
        }
        return StageResult.Next(planned with { ExecutedSql = executed });
    }

    private static TableFilter ToTableFilter(RowFilter filter) => new(filter.Table, filter.Predicate, filter.Values);
}
