using System.Globalization;

namespace SqlProxy.Plugins.Maskers;

/// <summary>Reads and checks the named arguments a rule gives a masker.</summary>
internal static class MaskerArguments
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>The arguments, or none when the caller passed null.</summary>
    public static IReadOnlyDictionary<string, string> OrNone(IReadOnlyDictionary<string, string>? arguments) => arguments ?? None;

    /// <summary>One problem per argument name the masker does not take, in the order given.</summary>
    public static void CheckNames(IReadOnlyDictionary<string, string> arguments, string masker, string[] known, List<string> problems)
    {
        foreach (var name in arguments.Keys)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(known.Length == 0
                    ? $"`{name}` is not an argument of the `{masker}` masker, which takes none."
                    : $"`{name}` is not an argument of the `{masker}` masker, which takes {Join(known)}.");
            }
        }
    }

    /// <summary>Adds a problem when the argument is given but is not a whole number in range.</summary>
    public static void CheckWholeNumber(IReadOnlyDictionary<string, string> arguments, string name, int min, int max, List<string> problems)
    {
        if (arguments.TryGetValue(name, out var text) && !TryParse(text, min, max, out _))
        {
            problems.Add($"`{name}` must be a whole number from {min} to {max}, not `{text}`.");
        }
    }

    /// <summary>The argument's value; its default when absent or unusable (arguments are validated at load).</summary>
    public static int WholeNumber(IReadOnlyDictionary<string, string> arguments, string name, int min, int max, int fallback) =>
        arguments.TryGetValue(name, out var text) && TryParse(text, min, max, out var value) ? value : fallback;

    /// <summary>The argument's text, or the fallback when absent or null.</summary>
    public static string Text(IReadOnlyDictionary<string, string> arguments, string name, string fallback) =>
        arguments.TryGetValue(name, out var text) && text is not null ? text : fallback;

    private static bool TryParse(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static string Join(string[] names) =>
        names.Length == 1
            ? $"`{names[0]}`"
            : string.Join(", ", names[..^1].Select(n => $"`{n}`")) + $" and `{names[^1]}`";
}
