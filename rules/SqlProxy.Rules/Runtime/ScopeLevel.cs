namespace SqlProxy.Rules.Runtime;

/// <summary>How specific a scope is, least first; the most specific level with a matching rule decides.</summary>
enum ScopeLevel
{
    Everything,
    Database,
    Schema,
    Table,
    Column,
}
