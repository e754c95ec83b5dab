using System.Net.Sockets;
using Npgsql;

namespace SqlProxy.Host.Upstream;

/// <summary>
/// An error from the database, sorted by who caused it: the statement (a 4xx, PostgreSQL's message),
/// the database being unreachable or overloaded (503), a timeout (504), or anything else (502).
/// </summary>
internal sealed record UpstreamFailure(int StatusCode, string Code, string Message)
{
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>While the database's circuit breaker is open: when to try again (the break left).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Whether the failure means the database is unreachable or broken (what opens its circuit breaker): it cannot be
    /// reached, a connection broke, or the server refused for lack of resources or by operator intervention — never an
    /// error of the statement itself, a statement timeout or a cancellation.
    /// </summary>
    public static bool MeansUnavailable(Exception exception) =>
        exception is not OperationCanceledException && From(exception, "").Code == "UPSTREAM_UNAVAILABLE";

    public static UpstreamFailure From(Exception exception, string database) => exception switch
    {
        Polly.CircuitBreaker.BrokenCircuitException broken => new(503, DatabaseUnavailable,
            $"database `{database}` is unavailable: recent requests could not reach it; the proxy retries it {RetryIn(broken.RetryAfter)}")
            { RetryAfter = broken.RetryAfter ?? TimeSpan.FromSeconds(1) },
        PostgresException { SqlState: "57014" } => new(504, "STATEMENT_TIMEOUT", $"the statement was cancelled by the statement timeout of database `{database}`"),
        PostgresException pg when IsStatementError(pg.SqlState) => new(pg.SqlState.StartsWith("23", StringComparison.Ordinal) ? 409 : 400, "QUERY_ERROR", Describe(pg)),
        PostgresException pg when IsUnavailable(pg.SqlState) => new(503, "UPSTREAM_UNAVAILABLE", $"database `{database}` is unavailable: {pg.MessageText}"),
        PostgresException pg => new(502, "UPSTREAM_ERROR", $"database `{database}` failed: {Describe(pg)}"),
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } or SocketException or TimeoutException
            => new(503, "UPSTREAM_UNAVAILABLE", $"database `{database}` cannot be reached"),
        NpgsqlException e when e.IsTransient => new(503, "UPSTREAM_UNAVAILABLE", $"database `{database}` cannot be reached"),
        _ => new(502, "UPSTREAM_ERROR", $"database `{database}` failed: {exception.Message}"),
    };

    // Classes a statement itself can cause: data (22), integrity (23), invalid transaction state (25),
    // syntax or access rule (42), feature not supported (0A), cardinality (21), check option (44), PL/pgSQL (P0).
    private static bool IsStatementError(string state) =>
        state.Length == 5 && state[..2] is "22" or "23" or "25" or "42" or "0A" or "21" or "44" or "P0" or "2B" or "3F" or "40";

    // Connection exceptions (08), insufficient resources (53), operator intervention (57, but not 57014), system errors (58).
    private static bool IsUnavailable(string state) =>
        state.Length == 5 && state[..2] is "08" or "53" or "57" or "58";

    private static string RetryIn(TimeSpan? wait) =>
        wait is { } w ? $"in {Math.Max(1, (int)Math.Ceiling(w.TotalSeconds))} s" : "shortly";

    private static string Describe(PostgresException pg) =>
        pg.Position > 0 ? $"{pg.MessageText} (SQLSTATE {pg.SqlState}, at character {pg.Position})" : $"{pg.MessageText} (SQLSTATE {pg.SqlState})";
}
