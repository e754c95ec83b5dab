namespace SqlProxy.Rules.Runtime;

/// <summary>What a mask rule does: the masker and its arguments, and the labels it covers (none for a column mask, whose columns are its scopes).</summary>
sealed record MaskAction(IReadOnlyList<string> Labels, string Masker, IReadOnlyDictionary<string, string> Arguments);
