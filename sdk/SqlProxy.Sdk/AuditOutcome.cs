namespace SqlProxy.Sdk;

/// <summary>How a request ended.</summary>
public enum AuditOutcome
{
    /// <summary>Allowed and executed.</summary>
    Executed,
    /// <summary>Allowed and only analysed (a dry run).</summary>
    DryRun,
    /// <summary>Refused by a policy.</summary>
    Blocked,
    /// <summary>Refused as bad input: malformed request, invalid SQL, a limit exceeded.</summary>
    Rejected,
    /// <summary>Refused because the caller could not be authenticated.</summary>
    Unauthenticated,
    /// <summary>Allowed, but the database failed or could not be reached.</summary>
    UpstreamError,
}
