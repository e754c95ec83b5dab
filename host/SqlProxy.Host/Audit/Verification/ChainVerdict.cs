namespace SqlProxy.Host.Audit.Verification;

/// <summary>The outcome of checking a trail.</summary>
/// <param name="Entries">Entries read (up to and including the first broken one).</param>
/// <param name="FirstBroken">Where the chain first breaks and how, or null when it holds.</param>
/// <param name="Anchor">Set when the trail does not start at entry 1: the first entry's number, whose predecessor was not given.</param>
internal sealed record ChainVerdict(long Entries, string? FirstBroken, long? Anchor)
{
    public bool Intact => FirstBroken is null;
}
