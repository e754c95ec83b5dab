using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary>
/// <c>hash</c> without <c>hash_key</c>: the arguments are checked as usual, so rules naming <c>hash</c> validate the
/// same with or without the secret, but masking throws, and the host redacts the column instead (it fails closed).
/// </summary>
public sealed class UnkeyedHashMasker : IMasker
{
    /// <inheritdoc />
    public string Name => "hash";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments) => HashMasker.Validate(arguments);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Always, for a non-null value: there is no key to hash with.</exception>
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) => MaskedValue.IsNull(value)
        ? null
        : throw new InvalidOperationException($"The hash masker has no key: set {MaskersPlugin.HashKeySetting} in [plugins.maskers].");
}
