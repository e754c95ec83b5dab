using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>Where a trail's hash chain stands: the number and hash of its last entry.</summary>
/// <param name="Sequence">The last entry's number; 0 before the first.</param>
/// <param name="Hash">The last entry's hash; <see cref="AuditChain.GenesisHash"/> before the first.</param>
internal sealed record ChainPosition(long Sequence, string Hash)
{
    public static ChainPosition Genesis { get; } = new(0, AuditChain.GenesisHash);

    public static ChainPosition Of(AuditChainEntry entry) => new(entry.Sequence, entry.Hash);
}
