namespace SqlProxy.Host.Pipeline;

/// <summary>The body of a query request as sent: fields may be missing; validation happens in the pipeline.</summary>
internal sealed record QueryBody(string? Database, string? Sql, string? User);

/// <summary>A request as it arrives, before anything is trusted.</summary>
/// <param name="BodyError">Why the body could not be read as a query (malformed JSON, invalid UTF-8, too large), if so.</param>
internal sealed record QueryRequest(
    string RequestId,
    DateTimeOffset ReceivedAt,
    string? ClientAddress,
    string? AuthorizationHeader,
    bool DryRun,
    QueryBody? Body,
    QueryFailure? BodyError);
