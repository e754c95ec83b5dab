using SqlProxy.Analysis;

namespace SqlProxy.Host.Pipeline;

/// <summary>Parses and analyses the SQL with PostgreSQL's parser (cached by text, database and schema version).</summary>
internal sealed class AnalyseStage(ISqlAnalyzer analyzer) : IQueryStage
{
    public string Name => "analyse";

    public async ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken)
    {
        var database = context.Database!;
        var schema = await database.Schema.GetAsync(cancellationToken);
        var analysis = analyzer.Analyze(context.Sql!, database.Config.Name, schema);
        return analysis.Error is { } error
            ? StageResult.Stop(context, ToFailure(error))
            : StageResult.Next(context with { Statements = analysis.Statements });
    }

    private static QueryFailure ToFailure(SqlError error) => error.Kind switch
    {
        SqlErrorKind.Syntax => new QueryFailure(400, "SQL_SYNTAX_ERROR", error.Message, error.CursorPosition),
        SqlErrorKind.TooLong => new QueryFailure(413, "SQL_TOO_LONG", error.Message),
        SqlErrorKind.TooDeep => new QueryFailure(400, "SQL_TOO_DEEP", error.Message),
        SqlErrorKind.InvalidText => new QueryFailure(400, "INVALID_SQL_TEXT", error.Message),
        SqlErrorKind.Empty => new QueryFailure(400, "EMPTY_SQL", error.Message),
        _ => new QueryFailure(400, "INVALID_SQL", error.Message),
    };
}
