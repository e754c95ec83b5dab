using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// Judges one statement for one request. For each access, the most specific scope level that has a rule
/// matching it (action, scope and conditions) decides; at that level a block beats an allow; with no such
/// level the access is denied. The statement is allowed only if every access is.
/// </summary>
sealed class StatementJudge(RuleIndex index, RequestInfo request, StatementAnalysis statement)
{
    const string EveryColumn = "*";

    public Decision Decide()
    {
        // A statement that claims to touch nothing is judged as what it is, on the database as a whole.
        var accesses = statement.Accesses is { Count: > 0 } listed ? listed : [new StatementAccess(statement.Kind, null, [])];
        Outcome? block = null, allow = null;
        var blockedColumns = new List<string>();
        foreach (var access in accesses)
        {
            var outcome = Judge(access, blockedColumns);
            if (outcome.Verdict == Verdict.Block)
                block ??= outcome;
            else
                allow ??= outcome;
        }

        if (block is not null)
            return new Decision(Verdict.Block, block.Rule?.Reference, block.Reason, [.. blockedColumns.Distinct(StringComparer.Ordinal)]);
        return new Decision(Verdict.Allow, allow!.Rule?.Reference, allow.Reason, []);
    }

    Outcome Judge(StatementAccess access, List<string> blockedColumns)
    {
        var operation = access.Operation;
        if (access.Relation is not { } relation)
        {
            return Decided(operation, index.Database(request.Database), index.Everything)
                ?? new Outcome(Verdict.Block, null, Reasons.NoRule(operation, $"database `{request.Database}`", request));
        }

        Outcome? fromTable = null;
        Outcome FromTable() => fromTable ??=
            Decided(operation, index.Table(relation), index.Schema(relation), index.Database(relation.Database), index.Everything)
            ?? new Outcome(Verdict.Block, null, Reasons.NoRule(operation, $"`{relation}`", request));

        if (access.Columns is not { Count: > 0 } columns)
            return FromTable();

        Outcome? firstBlock = null, firstAllow = null;
        foreach (var column in columns)
        {
            Outcome? atColumn;
            if (column == EveryColumn)
            {
                atColumn = BlockedByAnyColumnRule(operation, relation, blockedColumns);
            }
            else
            {
                atColumn = Decide(operation, index.Column(relation, column));
                if (atColumn?.Verdict == Verdict.Block)
                    blockedColumns.Add(ColumnName(relation, column));
            }

            var outcome = atColumn ?? FromTable();
            if (outcome.Verdict == Verdict.Block)
                firstBlock ??= outcome;
            else
                firstAllow ??= outcome;
        }
        return firstBlock ?? firstAllow!;
    }

    /// <summary>The decision of the first level that has a matching rule, or null when none has.</summary>
    Outcome? Decided(StatementKind operation, params IReadOnlyList<CompiledRule>[] levels)
    {
        foreach (var level in levels)
        {
            if (Decide(operation, level) is { } outcome)
                return outcome;
        }
        return null;
    }

    /// <summary>
    /// The decision of one level: the first matching block (a failing block counts), else the first allow,
    /// else — when the only matches were allows that failed — a block; null when nothing here matched.
    /// </summary>
    Outcome? Decide(StatementKind operation, IReadOnlyList<CompiledRule> rules)
    {
        CompiledRule? allow = null, failedAllow = null;
        string? allowFailure = null;
        foreach (var rule in rules)
        {
            if (!rule.Actions.Contains(operation))
                continue;
            var matched = rule.Evaluate(request, statement, out var failure);
            if (matched == ConditionOutcome.False)
                continue;
            if (rule.Effect == Effect.Block)
                return BlockOutcome(rule, matched, failure);
            if (matched == ConditionOutcome.True)
            {
                allow ??= rule;
            }
            else if (failedAllow is null)
            {
                failedAllow = rule;
                allowFailure = failure;
            }
        }

        if (allow is not null)
            return new Outcome(Verdict.Allow, allow, Reasons.Allowed(allow));
        if (failedAllow is not null)
            return new Outcome(Verdict.Block, failedAllow, Reasons.FailedAllow(failedAllow, allowFailure));
        return null;
    }

    /// <summary>
    /// For the column <c>*</c> (every column, unknown which): any matching column-level block on the relation
    /// refuses it, and lists its column; column-level allows say nothing about the other columns, so they are not used.
    /// </summary>
    Outcome? BlockedByAnyColumnRule(StatementKind operation, RelationName relation, List<string> blockedColumns)
    {
        Outcome? deciding = null;
        foreach (var (column, rule) in index.ColumnsOf(relation))
        {
            if (rule.Effect != Effect.Block || !rule.Actions.Contains(operation))
                continue;
            var matched = rule.Evaluate(request, statement, out var failure);
            if (matched == ConditionOutcome.False)
                continue;
            blockedColumns.Add(ColumnName(relation, column));
            if (deciding is null || CompiledRule.CompareOrder(rule, deciding.Rule!) < 0)
                deciding = BlockOutcome(rule, matched, failure);
        }
        return deciding;
    }

    static Outcome BlockOutcome(CompiledRule rule, ConditionOutcome matched, string? failure) =>
        new(Verdict.Block, rule, matched == ConditionOutcome.Failed ? Reasons.FailedBlock(rule, failure) : Reasons.Blocked(rule));

    static string ColumnName(RelationName relation, string column) => $"{relation.Schema}.{relation.Name}.{column}";
}
