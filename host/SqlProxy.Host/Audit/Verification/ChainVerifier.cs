using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit.Verification;

/// <summary>
/// Checks an audit trail written with <see cref="AuditChain"/>: every entry intact, numbered one after the other,
/// each linked to the hash of the one before. Names the first entry that breaks the chain: an edited entry fails its
/// own hash, a deleted one leaves a gap in the numbers, a moved one breaks the numbering and the links.
/// </summary>
internal static class ChainVerifier
{
    public static ChainVerdict Verify(IEnumerable<TrailLine> trail)
    {
        long count = 0;
        AuditChainEntry? previous = null;
        long? anchor = null;
        foreach (var (location, line) in trail)
        {
            count++;
            AuditChainEntry entry;
            try
            {
                entry = AuditChain.Parse(line);
            }
            catch (FormatException e)
            {
                return new ChainVerdict(count, $"{location}: not an audit chain entry ({e.Message})", anchor);
            }
            var broken = Check(entry, previous);
            if (broken is not null) return new ChainVerdict(count, $"{location}: {broken}", anchor);
            if (previous is null && entry.Sequence != 1) anchor = entry.Sequence;
            previous = entry;
        }
        return new ChainVerdict(count, null, anchor);
    }

    private static string? Check(AuditChainEntry entry, AuditChainEntry? previous)
    {
        var name = $"entry {entry.Sequence} ({AuditIdOf(entry)})";
        if (!entry.IsIntact) return $"{name} was altered: its hash does not match its content";
        if (previous is null)
            return entry.Sequence == 1 && entry.PreviousHash != AuditChain.GenesisHash
                ? $"{name} is the first entry but does not start the chain"
                : null;
        if (entry.Sequence != previous.Sequence + 1)
            return entry.Sequence > previous.Sequence + 1
                ? $"{name} follows entry {previous.Sequence}: {Missing(previous.Sequence, entry.Sequence)} missing"
                : $"{name} follows entry {previous.Sequence}: the entries are out of order";
        return entry.PreviousHash == previous.Hash ? null : $"{name} does not link to entry {previous.Sequence}: the chain was rewritten";
    }

    private static string Missing(long after, long before) =>
        before - after == 2 ? $"entry {after + 1} is" : $"entries {after + 1}–{before - 1} are";

    private static string AuditIdOf(AuditChainEntry entry)
    {
        try
        {
            return "audit_id " + entry.ReadRecord().AuditId;
        }
        catch (System.Text.Json.JsonException)
        {
            return "no readable record";
        }
    }
}
