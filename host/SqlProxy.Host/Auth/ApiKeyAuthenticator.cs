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
    public UserIdentity? Authenticate(string? authorizationHeader) =>
        FindUser(authorizationHeader) is { } user ? ToIdentity(user) : null;

    /// <summary>The configured user whose key the header carries, or null.</summary>
    public UserConfig? FindUser(string? authorizationHeader)
    {
        if (BearerCredential.Parse(authorizationHeader) is not { } key) return null;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        UserConfig? match = null;
        foreach (var user in users)
        {
            if (user.ApiKeySha256.Length == presented.Length && CryptographicOperations.FixedTimeEquals(user.ApiKeySha256, presented))
                match = user;
        }
        return match;
    }

    public UserIdentity? FindByName(string name) => FindUserByName(name) is { } user ? ToIdentity(user) : null;

    public UserConfig? FindUserByName(string name) => users.FirstOrDefault(u => u.Name == name);

    public static UserIdentity ToIdentity(UserConfig user) => new(user.Name, user.Roles, user.Attributes);
}
