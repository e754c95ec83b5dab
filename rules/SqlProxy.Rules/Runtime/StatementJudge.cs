using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// Judges one statement for one request. For each access, the most specific scope level that has a rule
/// matching it (action, scope and conditions) decides; at that level a block beats an allow; with no such
/// level the access is denied. The statement is allowed only if every access is; an allowed statement then
/// gets its masks, row filters and row limit from <see cref="Obligations"/>.
/// </summary>
sealed class StatementJudge(RuleBook book, RequestInfo request, StatementAnalysis statement, JudgeTrace? trace = null)
{
    const string EveryColumn = "*";

    readonly RuleIndex _index = book.Access;
    List<string>? _blockedColumns;

    /// <summary>The decision; <paramref name="deciding"/> is the rule behind it (null for a default deny).</summary>
    public Decision Decide(out CompiledRule? deciding)
    {
        // A statement that claims to touch nothing is judged as what it is, on the database as a whole.
        var accesses = statement.Accesses is { Count: > 0 } listed ? listed : [new StatementAccess(statement.Kind, null, [])];
        Outcome? block = null, allow = null;
        // Index loops: `foreach` over an interface allocates an enumerator, and this runs for every statement.
        for (var i = 0; i < accesses.Count; i++)
        {
            var outcome = Judge(accesses[i]);
            if (outcome.Verdict == Verdict.Block)
                block ??= outcome;
            else
                allow ??= outcome;
        }

        if (block is not null)
        {
            deciding = block.Rule;
            return new Decision(Verdict.Block, block.Rule?.Reference, block.Reason, _blockedColumns is null ? [] : [.. _blockedColumns.Distinct(StringComparer.Ordinal)]);
        }

        var allowed = new Decision(Verdict.Allow, allow!.Rule?.Reference, allow.Reason, []);
        var obligations = new Obligations(book, request, statement, trace);
        if (obligations.Failure is { } failure)
        {
            deciding = failure.Rule;
            return new Decision(Verdict.Block, failure.Rule?.Reference, failure.Reason, []);
        }
        deciding = allow.Rule;
        return obligations.Apply(allowed);
    }

    Outcome Judge(StatementAccess access)
    {
        var operation = access.Operation;
        if (access.Relation is not { } relation)
        {
            var target = new AccessTarget(operation, null, null, request.Database);
            return Decide(target, _index.Database(request.Database))
                ?? Decide(target, _index.Everything)
                ?? new Outcome(Verdict.Block, null, Reasons.NoRule(operation, $"database `{request.Database}`", request));
        }

        var tableRules = _index.TableRules(relation);
        if (access.Columns is not { Count: > 0 } columns)
            return FromTable(operation, relation, tableRules);

        Outcome? fromTable = null;

        Outcome? firstBlock = null, firstAllow = null;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            Outcome? atColumn;
            if (column == EveryColumn)
            {
                atColumn = BlockedByAnyColumnRule(operation, relation, tableRules);
            }
            else
            {
                atColumn = Decide(new AccessTarget(operation, relation, column, request.Database), tableRules.Column(column));
                if (atColumn?.Verdict == Verdict.Block)
                    (_blockedColumns ??= []).Add(ColumnName(relation, column));
            }

            var outcome = atColumn ?? (fromTable ??= FromTable(operation, relation, tableRules));
            if (outcome.Verdict == Verdict.Block)
                firstBlock ??= outcome;
            else
                firstAllow ??= outcome;
        }
        return firstBlock ?? firstAllow!;
    }

    /// <summary>The decision for the relation as a whole: the first level with a matching rule of its table, schema, database or everything.</summary>
    Outcome FromTable(StatementKind operation, RelationName relation, TableRules tableRules)
    {
        var target = new AccessTarget(operation, relation, null, request.Database);
        return Decide(target, tableRules.Rules)
            ?? Decide(target, _index.Schema(relation))
            ?? Decide(target, _index.Database(relation.Database))
            ?? Decide(target, _index.Everything)
            ?? new Outcome(Verdict.Block, null, Reasons.NoRule(operation, $"`{relation}`", request));
    }

    /// <summary>
    /// The decision of one level: the first matching block (a failing block counts), else the first allow,
    /// else — when the only matches were allows that failed — a block; null when nothing here matched.
    /// The index lists a level's blocks before its allows, so the first allow that matches ends the search.
    /// </summary>
    Outcome? Decide(AccessTarget target, IReadOnlyList<CompiledRule> rules)
    {
        CompiledRule? failedAllow = null;
        string? allowFailure = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.Actions.Contains(target.Operation))
            {
                trace?.NotCovered(rule, target);
                continue;
            }
            var matched = rule.Evaluate(request, statement, out var failure);
            trace?.Consulted(rule, target.ToString(), matched, failure);
            if (matched == ConditionOutcome.False)
                continue;
            if (rule.Effect == Effect.Block)
                return BlockOutcome(rule, matched, failure);
            if (matched == ConditionOutcome.True)
                return new Outcome(Verdict.Allow, rule, rule.DecidedReason);
            if (failedAllow is null)
            {
                failedAllow = rule;
                allowFailure = failure;
            }
        }

        if (failedAllow is not null)
            return new Outcome(Verdict.Block, failedAllow, Reasons.FailedAllow(failedAllow, allowFailure));
        return null;
    }

    /// <summary>
    /// For the column <c>*</c> (every column, unknown which): any matching column-level block on the relation
    /// refuses it, and lists its column; column-level allows say nothing about the other columns, so they are not used.
    /// </summary>
    Outcome? BlockedByAnyColumnRule(StatementKind operation, RelationName relation, TableRules tableRules)
    {
        Outcome? deciding = null;
        foreach (var (column, rule) in tableRules.ColumnRules)
        {
            if (rule.Effect != Effect.Block)
                continue;
            var target = new AccessTarget(operation, relation, column, request.Database);
            if (!rule.Actions.Contains(operation))
            {
                trace?.NotCovered(rule, target);
                continue;
            }
            var matched = rule.Evaluate(request, statement, out var failure);
            trace?.Consulted(rule, target.ToString(), matched, failure);
            if (matched == ConditionOutcome.False)
                continue;
            (_blockedColumns ??= []).Add(ColumnName(relation, column));
            if (deciding is null || CompiledRule.CompareOrder(rule, deciding.Rule!) < 0)
                deciding = BlockOutcome(rule, matched, failure);
        }
        return deciding;
    }

    static Outcome BlockOutcome(CompiledRule rule, ConditionOutcome matched, string? failure) =>
        new(Verdict.Block, rule, matched == ConditionOutcome.Failed ? Reasons.FailedBlock(rule, failure) : rule.DecidedReason);

    static string ColumnName(RelationName relation, string column) => $"{relation.Schema}.{relation.Name}.{column}";
}
