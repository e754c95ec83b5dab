using System.Net;
using SqlProxy.Host.Auth;

namespace SqlProxy.Host.Tests.Auth;

/// <summary>A user's <c>allowed_networks</c> against client addresses of both families.</summary>
public sealed class NetworkAllowlistTests
{
    private static readonly IReadOnlyList<IPNetwork> Networks = [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("2001:db8::/32")];

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::ffff:10.200.0.1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("2001:db8:5::1", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("127.0.0.2", false)]
    [InlineData("::ffff:11.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("2001:db9::1", false)]
    public void Addresses_inside_a_network_are_allowed(string address, bool allowed) =>
        Assert.Equal(allowed, NetworkAllowlist.Allows(Networks, IPAddress.Parse(address)));

    [Fact]
    public void Without_a_list_every_address_is_allowed_and_with_one_an_unknown_address_is_not()
    {
        Assert.True(NetworkAllowlist.Allows(null, IPAddress.Parse("203.0.113.9")));
        Assert.True(NetworkAllowlist.Allows(null, null));
        Assert.False(NetworkAllowlist.Allows(Networks, null));
    }
}
