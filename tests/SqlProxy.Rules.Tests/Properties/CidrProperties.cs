using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Properties;

[Properties(MaxTest = 300)]
public class CidrProperties
{
    static bool Reference(byte[] address, byte[] network, int prefix)
    {
        var a = (uint)(address[0] << 24 | address[1] << 16 | address[2] << 8 | address[3]);
        var n = (uint)(network[0] << 24 | network[1] << 16 | network[2] << 8 | network[3]);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (a & mask) == (n & mask);
    }

    [Property]
    public Property CidrMatchingAgreesWithMaskedBytes(uint addressBits, uint networkBits, byte prefixSeed)
    {
        var prefix = prefixSeed % 33;
        var address = new IPAddress(BitConverter.GetBytes(addressBits));
        // Clear the host bits, as a network must be written; half the time take the network from the address.
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        var hostOrder = (uint)IPAddress.NetworkToHostOrder((int)(prefixSeed % 2 == 0 ? BitConverter.ToUInt32(address.GetAddressBytes()) : networkBits));
        var network = new IPAddress(BitConverter.GetBytes((uint)IPAddress.HostToNetworkOrder((int)(hostOrder & mask))));

        var rules = RuleText.Compile($"allow select on * when request.client_address in '{network}/{prefix}';");
        var request = new RequestInfo("r", new UserIdentity("bob", [], new Dictionary<string, string>()), "testdb", address.ToString(), DateTimeOffset.UnixEpoch);
        var allowed = rules.Decide(request, Statements.Select("foo")).Verdict == Verdict.Allow;

        return (allowed == Reference(address.GetAddressBytes(), network.GetAddressBytes(), (int)prefix)).Label($"{address} in {network}/{prefix}");
    }
}
