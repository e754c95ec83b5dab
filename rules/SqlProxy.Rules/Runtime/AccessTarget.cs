using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>What a rule is consulted for; only turned into text when a trace is kept, so judging without one allocates nothing for it.</summary>
readonly record struct AccessTarget(StatementKind Operation, RelationName? Relation, string? Column, string Database)
{
    public override string ToString()
    {
        var operation = Reasons.OperationName(Operation);
        if (Relation is null)
            return $"{operation} on database {Database}";
        return Column is null ? $"{operation} on {Relation}" : $"{operation} on {Relation}.{Column}";
    }
}
