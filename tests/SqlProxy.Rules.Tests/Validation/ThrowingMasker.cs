using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Validation;

/// <summary>A plugin masker whose argument check fails: the failure is reported against the rule.</summary>
sealed class ThrowingMasker : IMasker
{
    public string Name => "broken";

    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments) =>
        throw new InvalidOperationException("the plugin is not configured");

    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) => value;
}
