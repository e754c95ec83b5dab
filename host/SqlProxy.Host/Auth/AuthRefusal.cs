namespace SqlProxy.Host.Auth;

/// <summary>Why a request was not let in: the HTTP status, a stable error code, a message, and when to retry.</summary>
internal sealed record AuthRefusal(int StatusCode, string Code, string Message, TimeSpan? RetryAfter = null)
{
    public const string LockedOut = "LOCKED_OUT";

    public const string AddressNotAllowed = "ADDRESS_NOT_ALLOWED";

    public static AuthRefusal Unauthenticated(string credential) =>
        new(401, "UNAUTHENTICATED", $"a valid {credential} is required: send `Authorization: Bearer <key>`");
}

/// <summary>
/// Who a request is: a user, the admin token (not a user), or a refusal (which names the user when the key was right
/// but the user may not come in from where it is).
/// </summary>
internal readonly record struct Authentication(SqlProxy.Sdk.UserIdentity? User, bool IsAdminToken, AuthRefusal? Refusal)
{
    public static Authentication Refused(AuthRefusal refusal) => new(null, false, refusal);
}
