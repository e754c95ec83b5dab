namespace SqlProxy.Host.Pipeline;

/// <summary>Why a request ended early: the HTTP status, a stable error code and a message for the client.</summary>
/// <param name="Position">1-based character position in the SQL, for syntax errors.</param>
internal sealed record QueryFailure(int StatusCode, string Code, string Message, int? Position = null)
{
    /// <summary>When the client may try again (the <c>Retry-After</c> header), for refusals that pass.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
