namespace SqlProxy.Sdk;

/// <summary>Replaces values of a query result with a masked form, as a rule's <c>mask … with</c> asks.</summary>
public interface IMasker
{
    /// <summary>The name rules use to choose this masker (e.g. <c>partial</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Checks a rule's arguments once, when rules are loaded, so a bad argument is a load error
    /// rather than a failure on every request.
    /// </summary>
    /// <param name="arguments">The rule's named arguments, e.g. <c>keep_first = 2</c>.</param>
    /// <returns>One sentence per problem; empty when the arguments are usable.</returns>
    IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments);

    /// <summary>Masks one value.</summary>
    /// <param name="value">The value as the database returned it (string, number, date, …), or null.</param>
    /// <param name="arguments">The rule's named arguments, already validated.</param>
    /// <returns>The masked value: a string, a number, or null.</returns>
    object? Mask(object? value, IReadOnlyDictionary<string, string> arguments);
}
