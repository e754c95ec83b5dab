using System.Net;

namespace SqlProxy.Host.Auth;

/// <summary>Whether a client address lies in a user's <c>allowed_networks</c>.</summary>
internal static class NetworkAllowlist
{
    /// <param name="networks">Null: any address is allowed.</param>
    /// <param name="client">The peer address; an IPv4-mapped IPv6 address (<c>::ffff:10.1.2.3</c>) is matched as IPv4.</param>
    public static bool Allows(IReadOnlyList<IPNetwork>? networks, IPAddress? client)
    {
        if (networks is null) return true;
        if (client is null) return false;
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        foreach (var network in networks)
        {
            if (network.Contains(address)) return true;
        }
        return false;
    }
}
