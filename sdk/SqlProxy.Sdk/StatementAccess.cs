namespace SqlProxy.Sdk;

/// <summary>
/// One thing a statement does: an operation on a relation, or, when <see cref="Relation"/> is
/// null, on the database as a whole (e.g. <c>SELECT now()</c>, <c>CREATE ROLE</c>, <c>SET</c>).
/// </summary>
/// <param name="Operation">
/// What is done: <see cref="StatementKind.Select"/> for every relation only read, the statement's
/// own kind for the relations it writes or defines.
/// </param>
/// <param name="Relation">The relation, or null for a database-level access.</param>
/// <param name="Columns">
/// The columns involved: read for a select, written for an insert or update; empty when the access
/// concerns the relation as a whole (e.g. <c>count(*)</c>, DELETE, DDL).
/// </param>
public sealed record StatementAccess(StatementKind Operation, RelationName? Relation, IReadOnlyList<string> Columns);
