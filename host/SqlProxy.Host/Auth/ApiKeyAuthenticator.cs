using System.Security.Cryptography;
using System.Text;
using SqlProxy.Host.Configuration;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Auth;

/// <summary>
/// Finds the user a bearer API key belongs to. The key is hashed and compared with every stored
/// hash in constant time, so neither timing nor the order of users tells anything about keys.
/// </summary>
internal sealed class ApiKeyAuthenticator(IReadOnlyList<UserConfig> users)
{
    private const string Scheme = "Bearer ";

    public UserIdentity? Authenticate(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var key = authorizationHeader[Scheme.Length..].Trim();
        if (key.Length == 0) return null;

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        UserConfig? match = null;
        foreach (var user in users)
        {
            if (user.ApiKeySha256.Length == presented.Length && CryptographicOperations.FixedTimeEquals(user.ApiKeySha256, presented))
                match = user;
        }
        return match is null ? null : ToIdentity(match);
    }

    public UserIdentity? FindByName(string name) =>
        users.FirstOrDefault(u => u.Name == name) is { } user ? ToIdentity(user) : null;

    private static UserIdentity ToIdentity(UserConfig user) => new(user.Name, user.Roles, user.Attributes);
}
