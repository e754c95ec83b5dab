namespace SqlProxy.Sdk;

/// <summary>Who asked for what, where and when.</summary>
/// <param name="RequestId">The request's id, also in logs and the audit record.</param>
/// <param name="User">The authenticated user.</param>
/// <param name="Database">The configured database the statement is for.</param>
/// <param name="ClientAddress">The client's IP address, when known.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record RequestInfo(string RequestId, UserIdentity User, string Database, string? ClientAddress, DateTimeOffset ReceivedAt);
