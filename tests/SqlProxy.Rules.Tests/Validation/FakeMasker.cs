using System.Globalization;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Validation;

/// <summary>A masker that takes the named whole-number arguments, like the built-in ones, and reports problems as they do.</summary>
sealed class FakeMasker(string name, params string[] arguments) : IMasker
{
    public string Name => name;

    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> given)
    {
        var problems = new List<string>();
        foreach (var (key, value) in given)
        {
            if (!arguments.Contains(key))
                problems.Add($"`{key}` is not an argument of the `{name}` masker.");
            else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                problems.Add($"`{key}` must be a whole number, not `{value}`.");
        }
        return problems;
    }

    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) => value;
}
