namespace SqlProxy.Rules;

/// <summary>
/// A mask in force for one request: result values derived from a column matching <see cref="Columns"/>,
/// or in a result column classified with <see cref="Label"/>, are replaced by the named masker's output.
/// Exactly one of <see cref="Columns"/> and <see cref="Label"/> is set.
/// </summary>
/// <param name="Columns">The columns the mask covers (a scope: a column, or every column of a table, schema or database), or null for a label mask.</param>
/// <param name="Label">The classification label the mask covers (e.g. <c>PII.Email</c>), or null for a column mask.</param>
/// <param name="Masker">The masker's name, e.g. <c>partial</c>.</param>
/// <param name="Arguments">The masker's named arguments, as written (e.g. <c>keep_last = 4</c>).</param>
/// <param name="Rule">The mask rule.</param>
public sealed record MaskDirective(
    ColumnPattern? Columns,
    string? Label,
    string Masker,
    IReadOnlyDictionary<string, string> Arguments,
    RuleReference Rule);
