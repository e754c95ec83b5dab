using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>A set of statement kinds as a bit mask: membership is one AND.</summary>
readonly record struct ActionSet(ulong Bits)
{
    public static ActionSet Of(IEnumerable<StatementKind> kinds) =>
        new(kinds.Aggregate(0UL, (bits, kind) => bits | Bit(kind)));

    public bool Contains(StatementKind kind) => (Bits & Bit(kind)) != 0;

    public ActionSet Union(ActionSet other) => new(Bits | other.Bits);

    static ulong Bit(StatementKind kind) => 1UL << (int)kind;
}
