namespace SqlProxy.Rules.Ast;

/// <summary>
/// Where a node starts in its file (1-based line and column). Positions take no part in equality: two nodes
/// that say the same thing are equal wherever they were written, which is what parse/print round trips compare.
/// </summary>
readonly record struct SourcePosition(int Line, int Column)
{
    public bool Equals(SourcePosition other) => true;

    public override int GetHashCode() => 0;

    public override string ToString() => $"{Line}:{Column}";
}
