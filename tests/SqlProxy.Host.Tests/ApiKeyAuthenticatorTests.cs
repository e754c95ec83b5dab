using System.Security.Cryptography;
using System.Text;
using SqlProxy.Host.Auth;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Tests;

public sealed class ApiKeyAuthenticatorTests
{
    private static readonly ApiKeyAuthenticator Authenticator = new(
    [
        new UserConfig("alice", SHA256.HashData(Encoding.UTF8.GetBytes("key-a")), ["admin"], new Dictionary<string, string> { ["region"] = "north" }),
        new UserConfig("bob", SHA256.HashData(Encoding.UTF8.GetBytes("key-b")), [], new Dictionary<string, string>()),
    ]);

    [Theory]
    [InlineData("Bearer key-a", "alice")]
    [InlineData("bearer key-b", "bob")]
    [InlineData("Bearer  key-a ", "alice")]
    [InlineData("Bearer key-c", null)]
    [InlineData("Basic key-a", null)]
    [InlineData("key-a", null)]
    [InlineData("Bearer ", null)]
    [InlineData(null, null)]
    public void Keys_map_to_their_users(string? header, string? expected) =>
        Assert.Equal(expected, Authenticator.Authenticate(header)?.Name);

    [Fact]
    public void The_identity_carries_roles_and_attributes()
    {
        var alice = Authenticator.Authenticate("Bearer key-a")!;
        Assert.Equal(["admin"], alice.Roles);
        Assert.Equal("north", alice.Attributes["region"]);
    }
}
