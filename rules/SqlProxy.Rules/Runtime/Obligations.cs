using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// What an allowed statement must submit to: the masks on the columns it reads (and on labels, which the host
/// matches after classifying the result), the row filters on every relation it touches, and the smallest row limit
/// on what a SELECT reads. A mask, filter or limit rule that cannot be evaluated blocks the statement: it would
/// otherwise show more than the rules allow. Each kind of rule is looked up only in its own index, and nothing is
/// allocated until a rule is found.
/// </summary>
sealed class Obligations
{
    public const string EveryColumn = "*";

    readonly RuleBook _book;
    readonly RequestInfo _request;
    readonly StatementAnalysis _statement;
    readonly JudgeTrace? _trace;
    List<MaskDirective>? _masks;
    List<RowFilter>? _filters;
    CompiledRule? _limitRule;

    public Obligations(RuleBook book, RequestInfo request, StatementAnalysis statement, JudgeTrace? trace)
    {
        (_book, _request, _statement, _trace) = (book, request, statement, trace);
        _ = CollectMasks() && CollectFilters() && FindLimit();
    }

    /// <summary>The block outcome of the first rule that could not be evaluated, or null.</summary>
    public Outcome? Failure { get; private set; }

    /// <summary>The allow decision with the masks, filters and row limit added.</summary>
    public Decision Apply(Decision allowed) => _masks is null && _filters is null && _limitRule is null
        ? allowed
        : allowed with
        {
            Masks = (IReadOnlyList<MaskDirective>?)_masks ?? [],
            Filters = (IReadOnlyList<RowFilter>?)_filters ?? [],
            RowLimit = _limitRule?.RowLimit,
            LimitRule = _limitRule?.Reference,
        };

    bool CollectMasks()
    {
        if (_book.ColumnMasks.IsEmpty && _book.LabelMasks.Count == 0)
            return true;
        List<(CompiledRule Rule, (RelationName? Relation, string Column) Found)>? candidates = null;
        if (!_book.ColumnMasks.IsEmpty)
        {
            var reads = new ColumnMaskLookup(_book.ColumnMasks);
            var columnsRead = _statement.ColumnsRead;
            for (var i = 0; i < columnsRead.Count; i++)
                reads.Add(columnsRead[i].Relation, columnsRead[i].Column, ref candidates);
            var accesses = _statement.Accesses;
            for (var i = 0; i < accesses.Count; i++)
            {
                if (accesses[i] is { Operation: StatementKind.Select, Relation: { } relation, Columns: var columns })
                {
                    for (var j = 0; j < columns.Count; j++)
                        reads.Add(relation, columns[j], ref candidates);
                }
            }
        }
        for (var i = 0; i < _book.LabelMasks.Count; i++)
            Candidates.Add(ref candidates, _book.LabelMasks[i], (null, ""));
        if (candidates is null)
            return true;

        foreach (var (rule, found) in Candidates.Ordered(candidates))
        {
            var mask = rule.Mask!;
            var matched = rule.Evaluate(_request, _statement, out var failure);
            _trace?.Consulted(rule, MaskTarget(rule, found), matched, failure, $"`{mask.Masker}` masks it");
            if (Failed(rule, matched, failure))
                return false;
            if (matched == ConditionOutcome.False)
                continue;
            _masks ??= [];
            foreach (var label in mask.Labels)
                _masks.Add(new MaskDirective(null, label, mask.Masker, mask.Arguments, rule.Reference));
            foreach (var scope in rule.Scopes.Distinct().Where(CoversAColumnRead))
                _masks.Add(new MaskDirective(scope.ToColumnPattern(), null, mask.Masker, mask.Arguments, rule.Reference));
        }
        return true;
    }

    /// <summary>Whether a mask's scope covers a column the statement reads (a read of <c>*</c> reads every column).</summary>
    bool CoversAColumnRead(RuleScope scope)
    {
        foreach (var column in _statement.ColumnsRead)
        {
            if (Covers(scope, column.Relation, column.Column))
                return true;
        }
        foreach (var access in _statement.Accesses)
        {
            if (access.Operation != StatementKind.Select || access.Relation is not { } relation)
                continue;
            foreach (var column in access.Columns)
            {
                if (Covers(scope, relation, column))
                    return true;
            }
        }
        return false;
    }

    bool CollectFilters()
    {
        if (_book.Filters.IsEmpty)
            return true;
        List<RelationName>? seen = null;
        var accesses = _statement.Accesses;
        for (var i = 0; i < accesses.Count; i++)
        {
            if (accesses[i].Relation is { } relation && !FilterRelation(relation, ref seen))
                return false;
        }
        return FilterRelations(_statement.RelationsRead, ref seen) && FilterRelations(_statement.RelationsWritten, ref seen);
    }

    bool FilterRelations(IReadOnlyList<RelationName> relations, ref List<RelationName>? seen)
    {
        for (var i = 0; i < relations.Count; i++)
        {
            if (!FilterRelation(relations[i], ref seen))
                return false;
        }
        return true;
    }

    /// <summary>Adds the filters of one relation the statement touches, once; false when one could not be evaluated.</summary>
    bool FilterRelation(RelationName relation, ref List<RelationName>? seen)
    {
        var rules = _book.Filters.Table(relation);
        if (rules.Count == 0 || (seen ??= []).Contains(relation))
            return true;
        seen.Add(relation);
        foreach (var rule in rules)
        {
            var matched = rule.Evaluate(_request, _statement, out var failure);
            string[] values = [];
            if (matched == ConditionOutcome.True && !rule.Filter!.TryBind(_request, out values, out failure))
            {
                _trace?.Unbound(rule, $"rows of {relation}", failure);
                Failure = new Outcome(Verdict.Block, rule, Reasons.FailedObligation(rule, failure));
                return false;
            }
            _trace?.Consulted(rule, $"rows of {relation}", matched, failure, $"only rows where `{Parsing.Literals.Clip(rule.Filter!.Sql)}` are seen");
            if (Failed(rule, matched, failure))
                return false;
            if (matched == ConditionOutcome.True)
                (_filters ??= []).Add(new RowFilter(relation, rule.Filter!.Sql, values, rule.Reference));
        }
        return true;
    }

    bool FindLimit()
    {
        if (_book.Limits.IsEmpty || _statement.Kind != StatementKind.Select)
            return true;
        List<(CompiledRule Rule, RelationName? Found)>? candidates = null;
        var readsARelation = false;
        var accesses = _statement.Accesses;
        for (var i = 0; i < accesses.Count; i++)
        {
            if (accesses[i] is { Operation: StatementKind.Select, Relation: { } relation })
            {
                readsARelation = true;
                AddLimits(relation, ref candidates);
            }
        }
        var read = _statement.RelationsRead;
        for (var i = 0; i < read.Count; i++)
        {
            readsARelation = true;
            AddLimits(read[i], ref candidates);
        }
        if (!readsARelation)
        {
            Candidates.AddAll(ref candidates, null, _book.Limits.Database(_request.Database));
            Candidates.AddAll(ref candidates, null, _book.Limits.Everything);
        }
        if (candidates is null)
            return true;

        foreach (var (rule, found) in Candidates.Ordered(candidates))
        {
            var matched = rule.Evaluate(_request, _statement, out var failure);
            _trace?.Consulted(rule, LimitTarget(found), matched, failure, $"rows are capped at {rule.RowLimit}");
            if (Failed(rule, matched, failure))
                return false;
            if (matched == ConditionOutcome.True && (_limitRule is null || rule.RowLimit < _limitRule.RowLimit))
                _limitRule = rule;
        }
        return true;
    }

    void AddLimits(RelationName relation, ref List<(CompiledRule, RelationName?)>? candidates)
    {
        var index = _book.Limits;
        Candidates.AddAll(ref candidates, relation, index.Table(relation));
        Candidates.AddAll(ref candidates, relation, index.Schema(relation));
        Candidates.AddAll(ref candidates, relation, index.Database(relation.Database));
        Candidates.AddAll(ref candidates, relation, index.Everything);
    }

    /// <summary>Records the block of a rule whose conditions could not be evaluated; true when there was one.</summary>
    bool Failed(CompiledRule rule, ConditionOutcome matched, string? failure)
    {
        if (matched != ConditionOutcome.Failed)
            return false;
        Failure = new Outcome(Verdict.Block, rule, Reasons.FailedObligation(rule, failure));
        return true;
    }

    static bool Covers(RuleScope scope, RelationName relation, string column) =>
        (scope.Database is null || scope.Database == relation.Database)
        && (scope.Schema is null || scope.Schema == relation.Schema)
        && (scope.Table is null || scope.Table == relation.Name)
        && (scope.Column is null || column == EveryColumn || scope.Column == column);

    string LimitTarget(RelationName? relation) => relation is null ? $"select on database {_request.Database}" : $"select on {relation}";

    static string MaskTarget(CompiledRule rule, (RelationName? Relation, string Column) found) => found.Relation is null
        ? string.Join(", ", rule.Mask!.Labels.Select(label => $"label `{Parsing.Literals.Clip(label)}`"))
        : JudgeTrace.ColumnTarget(found.Relation, found.Column);
}
