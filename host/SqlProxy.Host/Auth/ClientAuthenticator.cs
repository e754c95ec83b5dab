using System.Net;
using SqlProxy.Host.Limits;

namespace SqlProxy.Host.Auth;

/// <summary>
/// Lets a request in, in this order: a locked-out client address is refused before its credential is even looked at
/// (429 <c>LOCKED_OUT</c>); then the bearer credential must be a user's API key, or where the caller accepts it the
/// admin token (a wrong one counts toward the address's lockout, a right one clears the count); then a user with
/// <c>allowed_networks</c> must connect from one of them (403 <c>ADDRESS_NOT_ALLOWED</c>).
/// </summary>
internal sealed partial class ClientAuthenticator(ApiKeyAuthenticator keys, AdminToken adminToken, AuthFailureLockout lockout, ILogger<ClientAuthenticator> logger)
{
    /// <param name="trustedUserName">Dev only (<c>server.trust_user_field</c>): the user named in the request body.</param>
    public Authentication Authenticate(string? authorizationHeader, IPAddress? client, bool acceptAdminToken, string? trustedUserName = null)
    {
        if (lockout.LockedFor(client) is { } locked) return Authentication.Refused(Locked(locked));

        var user = trustedUserName is not null ? keys.FindUserByName(trustedUserName) : keys.FindUser(authorizationHeader);
        if (user is null && acceptAdminToken && adminToken.Matches(authorizationHeader))
        {
            lockout.RecordSuccess(client);
            return new Authentication(null, IsAdminToken: true, null);
        }
        var credential = acceptAdminToken && adminToken.IsConfigured ? "API key or admin token" : "API key";
        if (user is null)
        {
            // Only a credential that was presented and wrong counts: a request without one guesses nothing.
            var presented = BearerCredential.Parse(authorizationHeader) is not null && trustedUserName is null;
            // The operator sees which key failed, never enough of it to use: sk-w****9876.
            if (presented) LogFailed(Describe(client), Secrets.SecretText.ObfuscateAuthorization(authorizationHeader));
            var started = presented ? lockout.RecordFailure(client) : null;
            return Authentication.Refused(started is { } duration ? Locked(duration) : AuthRefusal.Unauthenticated(credential));
        }
        lockout.RecordSuccess(client);
        // The refusal keeps the user: the key was right, and the audit record says who tried from where.
        var refusal = NetworkAllowlist.Allows(user.AllowedNetworks, client) ? null : new AuthRefusal(403, AuthRefusal.AddressNotAllowed,
            $"user `{user.Name}` may not connect from {Describe(client)}: it is outside the user's allowed_networks");
        return new Authentication(ApiKeyAuthenticator.ToIdentity(user), IsAdminToken: false, refusal);
    }

    private static AuthRefusal Locked(TimeSpan remaining) => new(429, AuthRefusal.LockedOut,
        $"too many failed authentications from this address: it is locked out for {RetryAfter.Seconds(remaining)} s",
        remaining);

    private static string Describe(IPAddress? client) =>
        client is null ? "an unknown address" : (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString();

    [LoggerMessage(LogLevel.Warning, "Authentication failed from {Client} with the credential {Credential}")]
    private partial void LogFailed(string client, string credential);
}
