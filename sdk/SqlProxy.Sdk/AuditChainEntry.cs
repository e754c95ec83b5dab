namespace SqlProxy.Sdk;

/// <summary>One entry of an audit trail (see <see cref="AuditChain"/>).</summary>
public sealed record AuditChainEntry
{
    internal AuditChainEntry(long sequence, string previousHash, string hash, string line, bool intact)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = hash;
        Line = line;
        IsIntact = intact;
    }

    /// <summary>The entry's number in its trail, from 1.</summary>
    public long Sequence { get; }

    /// <summary>The hash of the entry before it (<see cref="AuditChain.GenesisHash"/> for the first).</summary>
    public string PreviousHash { get; }

    /// <summary>The hash the entry states: SHA-256 of its line without it, 64 lower-case hex digits.</summary>
    public string Hash { get; }

    /// <summary>The stored form: one line of JSON, without a line break.</summary>
    public string Line { get; }

    /// <summary>Whether <see cref="Hash"/> matches the line's content; false means the entry was altered.</summary>
    public bool IsIntact { get; }

    /// <summary>The record the entry holds.</summary>
    /// <exception cref="System.Text.Json.JsonException">The line does not hold a record.</exception>
    public AuditRecord ReadRecord() => AuditRecordJson.Deserialize(Line);
}
