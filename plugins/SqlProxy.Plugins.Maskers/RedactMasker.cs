using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary><c>redact</c>: replaces every value with <c>text</c> (default <c>[REDACTED]</c>); null stays null.</summary>
public sealed class RedactMasker : IMasker
{
    private const string Text = "text";
    private const string DefaultText = "[REDACTED]";
    private static readonly string[] Known = [Text];

    /// <inheritdoc />
    public string Name => "redact";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        var problems = new List<string>();
        MaskerArguments.CheckNames(MaskerArguments.OrNone(arguments), Name, Known, problems);
        return problems;
    }

    /// <inheritdoc />
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) =>
        MaskedValue.IsNull(value) ? null : MaskerArguments.Text(MaskerArguments.OrNone(arguments), Text, DefaultText);
}
