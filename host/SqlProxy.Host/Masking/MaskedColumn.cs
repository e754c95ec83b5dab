using SqlProxy.Rules;

namespace SqlProxy.Host.Masking;

/// <summary>A result column whose values were masked, and why.</summary>
/// <param name="Name">The result column's name.</param>
/// <param name="Masker">The masker the rule named.</param>
/// <param name="Rule">The mask rule.</param>
/// <param name="MatchedBy">What the rule matched: <c>column testdb.public.customers.email</c> or <c>label PII.Email</c>.</param>
/// <param name="FailedClosed">The masker was unknown, refused its arguments or threw: the values were redacted instead.</param>
internal sealed record MaskedColumn(string Name, string Masker, RuleReference Rule, string MatchedBy, bool FailedClosed);
