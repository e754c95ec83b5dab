using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Validation;

/// <summary>A scope of a rule and where it is written.</summary>
/// <param name="Scope">The checked scope.</param>
/// <param name="Line">Its line, from 1.</param>
/// <param name="Column">Its column, from 1.</param>
/// <param name="Text">The scope as rules write it, e.g. <c>testdb.public.customers</c>.</param>
sealed record PlacedScope(RuleScope Scope, int Line, int Column, string Text);
