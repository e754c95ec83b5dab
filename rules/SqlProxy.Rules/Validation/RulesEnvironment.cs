using SqlProxy.Sdk;

namespace SqlProxy.Rules.Validation;

/// <summary>
/// What rules are validated against when they load. Each part is optional: null means "not known here",
/// and what is not known is not checked (rules are then only as good as their authors' spelling).
/// </summary>
public sealed record RulesEnvironment
{
    /// <summary>An environment that knows nothing: validation then finds nothing.</summary>
    public static RulesEnvironment Unknown { get; } = new();

    /// <summary>
    /// The configured databases, each with the tables of its live schema, or with null when its schema could not be read;
    /// null when the databases are not known at all (no configuration).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KnownTable>?>? Databases { get; init; }

    /// <summary>The maskers rules may name, whose <see cref="IMasker.ValidateArguments"/> checks a mask's arguments; null when not known.</summary>
    public IReadOnlyList<IMasker>? Maskers { get; init; }

    /// <summary>The classification labels the classifiers give (e.g. <c>PII.Email</c>); null when not known.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>
    /// Checks a row filter's predicate (with <c>$1</c>…<c>$n</c> for its placeholders) given the number of values it binds:
    /// one sentence naming the problem, or null when it is usable; null when predicates are not checked.
    /// </summary>
    public Func<string, int, string?>? CheckPredicate { get; init; }
}
