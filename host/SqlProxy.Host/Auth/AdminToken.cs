using System.Security.Cryptography;
using System.Text;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Auth;

/// <summary>
/// The admin token of <c>[admin] token_sha256</c>: it opens the admin endpoints only, never the query API (it is not
/// a user). Compared by hash in constant time.
/// </summary>
internal sealed class AdminToken(AdminConfig config)
{
    public bool IsConfigured => config.TokenSha256 is not null;

    public bool Matches(string? authorizationHeader)
    {
        if (config.TokenSha256 is not { } expected || BearerCredential.Parse(authorizationHeader) is not { } token) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
