using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary><c>null</c>: replaces every value with null; takes no arguments.</summary>
public sealed class NullMasker : IMasker
{
    /// <inheritdoc />
    public string Name => "null";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        var problems = new List<string>();
        MaskerArguments.CheckNames(MaskerArguments.OrNone(arguments), Name, [], problems);
        return problems;
    }

    /// <inheritdoc />
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) => null;
}
