using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// Finds the mask rules on the columns a statement reads. The rules on a relation as a whole (its table, schema,
/// database, or everything) are looked up once per relation, not once per column: statements read many columns of few relations.
/// </summary>
struct ColumnMaskLookup(RuleIndex index)
{
    RelationName? _relation;
    TableRules _table = TableRules.None;
    List<RelationName>? _expanded;

    public void Add(RelationName relation, string column, ref List<(CompiledRule Rule, (RelationName? Relation, string Column) Found)>? candidates)
    {
        if (!relation.Equals(_relation))
        {
            _relation = relation;
            _table = index.TableRules(relation);
        }
        var found = ((RelationName?)relation, column);
        if (column == Obligations.EveryColumn)
        {
            foreach (var (_, rule) in _table.ColumnRules)
                Candidates.Add(ref candidates, rule, found);
        }
        else
        {
            Candidates.AddAll(ref candidates, found, _table.Column(column));
        }
        if ((_expanded ??= []).Contains(relation))
            return;
        _expanded.Add(relation);
        Candidates.AddAll(ref candidates, found, _table.Rules);
        Candidates.AddAll(ref candidates, found, index.Schema(relation));
        Candidates.AddAll(ref candidates, found, index.Database(relation.Database));
        Candidates.AddAll(ref candidates, found, index.Everything);
    }
}
