using System.Text;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Ast;

/// <summary>One rule as written. <see cref="Position"/> is where it starts: the line decisions report.</summary>
sealed record RuleNode(
    string? Name,
    Effect Effect,
    ValueList<ActionNode> Actions,
    ValueList<ScopeNode> Scopes,
    ValueList<ClauseNode> Clauses,
    string? Reason,
    SourcePosition Position)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Name is not null)
            text.Append("rule ").Append(Literals.QuoteString(Name)).Append(' ');
        text.Append(Effect == Effect.Allow ? "allow " : "block ")
            .Append(Actions)
            .Append(" on ")
            .Append(Scopes);
        foreach (var clause in Clauses)
            text.Append(' ').Append(clause);
        if (Reason is not null)
            text.Append(" because ").Append(Literals.QuoteString(Reason));
        return text.Append(';').ToString();
    }
}
