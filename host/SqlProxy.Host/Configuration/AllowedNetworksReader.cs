using System.Net;

namespace SqlProxy.Host.Configuration;

/// <summary>Reads a user's <c>allowed_networks</c>: the CIDR networks (<c>10.0.0.0/8</c>, <c>::1/128</c>) it may connect from.</summary>
internal static class AllowedNetworksReader
{
    /// <returns>Null when the key is absent: the user may connect from anywhere.</returns>
    public static IReadOnlyList<IPNetwork>? Read(TomlSection user)
    {
        const string key = "allowed_networks";
        if (!user.Has(key))
        {
            user.StringList(key); // marks the key read
            return null;
        }
        var texts = user.StringList(key);
        if (texts.Count == 0)
        {
            user.Errors.Add(user.KeyOf(key), "name at least one network (e.g. \"10.0.0.0/8\"), or remove the key to allow any address");
            return [];
        }
        var networks = new List<IPNetwork>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (Parse(texts[i]) is { } network) networks.Add(network);
            else user.Errors.Add($"{user.KeyOf(key)}[{i}]", $"`{texts[i]}` is not a network in CIDR notation with its host bits zero (e.g. \"10.0.0.0/8\", \"192.168.1.7/32\", \"::1/128\")");
        }
        return networks;
    }

    /// <summary>
    /// A network written with its prefix; host bits that are set (<c>10.0.0.1/8</c>) are refused rather than silently
    /// cleared, since they usually mean a typo for a /32.
    /// </summary>
    private static IPNetwork? Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPNetwork.TryParse(text, out var network) || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)) return null;
        return network.BaseAddress.Equals(address) ? network : null;
    }
}
