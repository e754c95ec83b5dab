using SqlProxy.Host.Upstream;

namespace SqlProxy.Host.Pipeline;

/// <summary>Checks the request body: readable, names a configured database, carries SQL.</summary>
internal sealed class ValidateRequestStage(DatabaseRegistry databases) : IQueryStage
{
    public string Name => "validate";

    public ValueTask<StageResult> RunAsync(QueryContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Validate(context));

    private StageResult Validate(QueryContext context)
    {
        if (context.Request.BodyError is { } bodyError) return StageResult.Stop(context, bodyError);
        var body = context.Request.Body!;
        if (string.IsNullOrEmpty(body.Database))
            return StageResult.Stop(context, new QueryFailure(400, "INVALID_REQUEST", "the field `database` is required"));
        if (body.Sql is null)
            return StageResult.Stop(context, new QueryFailure(400, "INVALID_REQUEST", "the field `sql` is required"));
        if (databases.Find(body.Database) is not { } database)
            return StageResult.Stop(context, new QueryFailure(404, "UNKNOWN_DATABASE",
                $"database `{body.Database}` is not configured; configured: {string.Join(", ", databases.Names.Select(n => $"`{n}`"))}"));
        return StageResult.Next(context with { Database = database, Sql = body.Sql });
    }
}
