using System.Text;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>
/// One rule as written: its optional name, what it does (the subclass), its clauses and reason.
/// <see cref="Position"/> is where it starts: the line decisions report.
/// </summary>
abstract record RuleNode(string? Name, ValueList<ClauseNode> Clauses, string? Reason, SourcePosition Position)
{
    /// <summary>What the rule does, as printed between its name and its clauses, e.g. <c>allow select on *</c>.</summary>
    protected abstract string Body { get; }

    public sealed override string ToString()
    {
        var text = new StringBuilder();
        if (Name is not null)
            text.Append("rule ").Append(Literals.QuoteString(Name)).Append(' ');
        text.Append(Body);
        foreach (var clause in Clauses)
            text.Append(' ').Append(clause);
        if (Reason is not null)
            text.Append(" because ").Append(Literals.QuoteString(Reason));
        return text.Append(';').ToString();
    }
}
