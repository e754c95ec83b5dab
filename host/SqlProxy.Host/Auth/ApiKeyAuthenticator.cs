using System.Security.Cryptography;
using System.Text;
using SqlProxy.Host.Configuration;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Auth;

/// <summary>
/// Finds the user a bearer API key belongs to. The key is hashed and compared with every stored
/// hash in constant time, so neither timing nor the order of users tells anything about keys. The users are those of
/// the <see cref="LiveConfig"/> in force (a configuration reload swaps them), read once per lookup.
/// </summary>
internal sealed class ApiKeyAuthenticator(LiveConfig live)
{
    /// <summary>A fixed set of users (no reload).</summary>
    public ApiKeyAuthenticator(IReadOnlyList<UserConfig> users)
        : this(new LiveConfig(new LiveSettings(users, AdminConfig.None, TrafficLimitsConfig.Default)))
    {
    }

    public UserIdentity? Authenticate(string? authorizationHeader) =>
        FindUser(authorizationHeader) is { } user ? ToIdentity(user) : null;

    /// <summary>The configured user whose key the header carries, or null.</summary>
    public UserConfig? FindUser(string? authorizationHeader)
    {
        if (BearerCredential.Parse(authorizationHeader) is not { } key) return null;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        UserConfig? match = null;
        foreach (var user in live.Current.Users)
        {
            if (user.ApiKeySha256.Length == presented.Length && CryptographicOperations.FixedTimeEquals(user.ApiKeySha256, presented))
                match = user;
        }
        return match;
    }

    public UserIdentity? FindByName(string name) => FindUserByName(name) is { } user ? ToIdentity(user) : null;

    public UserConfig? FindUserByName(string name) => live.Current.Users.FirstOrDefault(u => u.Name == name);

    public static UserIdentity ToIdentity(UserConfig user) => new(user.Name, user.Roles, user.Attributes);
}
