using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SqlProxy.Sdk;

/// <summary>
/// Tamper evidence for an audit trail. A sink numbers its records 1, 2, 3, … and stores each as an
/// <see cref="AuditChainEntry"/>: one JSON line <c>{"seq":…,"prev_hash":…,&lt;the record&gt;,"hash":…}</c> whose
/// <c>hash</c> is the SHA-256 of the line without it, and so covers the number, the previous entry's hash and the
/// record. Editing an entry breaks its hash; deleting or reordering entries breaks the numbering and the links.
/// <c>sqlproxy audit verify</c> checks a trail written this way.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of a trail's first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // The line ends with ,"hash":"<64 hex digits>"}
    private const string HashPrefix = ",\"hash\":\"";
    private const int SuffixLength = 9 + 64 + 2;

    /// <summary>Makes the entry that follows <paramref name="previousHash"/> as number <paramref name="sequence"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="sequence">Its number in the trail, from 1.</param>
    /// <param name="previousHash">The hash of the entry before it, or <see cref="GenesisHash"/> for the first.</param>
    /// <exception cref="ArgumentException"><paramref name="previousHash"/> is not 64 lower-case hex digits.</exception>
    public static AuditChainEntry Link(AuditRecord record, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        if (!IsHash(previousHash)) throw new ArgumentException("a previous hash is 64 lower-case hex digits", nameof(previousHash));
        var json = AuditRecordJson.Serialize(record);
        var content = string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{sequence},\"prev_hash\":\"{previousHash}\",{json.AsSpan(1)}");
        var hash = HashOf(content);
        var line = string.Concat(content.AsSpan(0, content.Length - 1), HashPrefix, hash, "\"}");
        return new AuditChainEntry(sequence, previousHash, hash, line, intact: true);
    }

    /// <summary>Reads an entry from its line, recomputing its hash (see <see cref="AuditChainEntry.IsIntact"/>).</summary>
    /// <param name="line">One line of a trail, without its line break.</param>
    /// <exception cref="FormatException">The line is not an entry.</exception>
    public static AuditChainEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length <= SuffixLength || !line.EndsWith("\"}", StringComparison.Ordinal)
            || string.CompareOrdinal(line, line.Length - SuffixLength, HashPrefix, 0, HashPrefix.Length) != 0)
            throw new FormatException("the line does not end with a \"hash\"");
        var hash = line.Substring(line.Length - 66, 64);
        long sequence;
        string? previous;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            sequence = root.GetProperty("seq").GetInt64();
            previous = root.GetProperty("prev_hash").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"the line is not an audit chain entry: {e.Message}", e);
        }
        if (!IsHash(hash) || previous is null || !IsHash(previous)) throw new FormatException("the line's hashes are not 64 lower-case hex digits");
        var content = string.Concat(line.AsSpan(0, line.Length - SuffixLength), "}");
        return new AuditChainEntry(sequence, previous, hash, line, intact: HashOf(content) == hash);
    }

    private static string HashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static bool IsHash(string? text) => text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
