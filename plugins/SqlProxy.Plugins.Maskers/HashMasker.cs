using System.Security.Cryptography;
using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary>
/// <c>hash</c>: replaces a value with the lower-case hex HMAC-SHA256 of its invariant text (UTF-8),
/// keyed with a secret, cut to <c>length</c> hex digits (8 to 64, default 16). Equal values give
/// equal hashes under one key, so masked columns can still be joined and counted; without the key
/// the value cannot be guessed by hashing candidates. Null stays null.
/// </summary>
public sealed class HashMasker : IMasker
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinKeyLength = 16;

    private const string Length = "length";
    private const int MinLength = 8;
    private const int MaxLength = 64;
    private const int DefaultLength = 16;
    private static readonly string[] Known = [Length];

    private readonly byte[] key;

    /// <summary>Creates the masker with its secret key.</summary>
    /// <param name="key">The HMAC key, at least <see cref="MinKeyLength"/> bytes; copied.</param>
    /// <exception cref="ArgumentException">The key is null or shorter than <see cref="MinKeyLength"/> bytes.</exception>
    public HashMasker(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"The hash masker's key must be at least {MinKeyLength} bytes, not {key.Length}.", nameof(key));
        }

        this.key = (byte[])key.Clone();
    }

    /// <inheritdoc />
    public string Name => "hash";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments) => Validate(arguments);

    /// <summary>The argument check of <c>hash</c>, with or without a key.</summary>
    internal static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string> arguments)
    {
        const string Name = "hash";
        var given = MaskerArguments.OrNone(arguments);
        var problems = new List<string>();
        MaskerArguments.CheckNames(given, Name, Known, problems);
        MaskerArguments.CheckWholeNumber(given, Length, MinLength, MaxLength, problems);
        return problems;
    }

    /// <inheritdoc />
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments)
    {
        if (MaskedValue.IsNull(value))
        {
            return null;
        }

        var length = MaskerArguments.WholeNumber(MaskerArguments.OrNone(arguments), Length, MinLength, MaxLength, DefaultLength);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(MaskedValue.InvariantText(value)));
        return Convert.ToHexStringLower(hash)[..length];
    }
}
