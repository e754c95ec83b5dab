namespace SqlProxy.Host.Pipeline;

/// <summary>How a request ended: the last context, the failure if any, its audit id and duration.</summary>
internal sealed record QueryOutcome(QueryContext Context, QueryFailure? Failure, string AuditId, long DurationUs);
