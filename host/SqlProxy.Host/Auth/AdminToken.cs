using System.Security.Cryptography;
using System.Text;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Auth;

/// <summary>
/// The admin token of <c>[admin] token_sha256</c>: it opens the admin endpoints only, never the query API (it is not
/// a user). Compared by hash in constant time. The token is the one of the <see cref="LiveConfig"/> in force (a
/// configuration reload can change it).
/// </summary>
internal sealed class AdminToken(LiveConfig live)
{
    public bool IsConfigured => live.Current.Admin.TokenSha256 is not null;

    public bool Matches(string? authorizationHeader)
    {
        if (live.Current.Admin.TokenSha256 is not { } expected || BearerCredential.Parse(authorizationHeader) is not { } token) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
