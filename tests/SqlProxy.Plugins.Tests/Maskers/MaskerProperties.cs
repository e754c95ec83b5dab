using System.Globalization;
using FsCheck.Xunit;
using SqlProxy.Plugins.Maskers;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Maskers;

public sealed class MaskerProperties
{
    private static readonly PartialMasker Partial = new();
    private static readonly EmailDomainMasker EmailDomain = new();

    [Property(Arbitrary = [typeof(MaskerArbitraries)])]
    public bool Partial_keeps_the_length_and_reveals_at_most_what_it_may(AnyText text, PartialArguments arguments)
    {
        var masked = (string)Partial.Mask(text.Value, arguments.ToDictionary())!;
        var input = Elements(text.Value);
        var output = Elements(masked);
        var revealed = output.Count(element => element != arguments.MaskChar);

        return output.Length == input.Length
            && revealed <= arguments.KeepFirst + arguments.KeepLast
            && (input.Length > arguments.KeepFirst + arguments.KeepLast || revealed == 0);
    }

    [Property(Arbitrary = [typeof(MaskerArbitraries)])]
    public bool Partial_reveals_only_the_ends(AnyText text, PartialArguments arguments)
    {
        var masked = Elements((string)Partial.Mask(text.Value, arguments.ToDictionary())!);
        var input = Elements(text.Value);
        return masked.Select((element, i) => element == arguments.MaskChar
            || (i < arguments.KeepFirst && element == input[i])
            || (i >= input.Length - arguments.KeepLast && element == input[i])).All(ok => ok);
    }

    [Property(Arbitrary = [typeof(MaskerArbitraries)])]
    public bool Hash_is_deterministic_and_key_dependent(AnyValue value, HashKey key, HashKey otherKey)
    {
        var first = new HashMasker(key.Bytes).Mask(value.Value, Args.None);
        var again = new HashMasker((byte[])key.Bytes.Clone()).Mask(value.Value, Args.None);
        var other = new HashMasker(otherKey.Bytes).Mask(value.Value, Args.None);

        return value.Value is null or DBNull
            ? first is null && other is null
            : Equals(first, again) && (key.Bytes.AsSpan().SequenceEqual(otherKey.Bytes) || !Equals(first, other));
    }

    [Property(Arbitrary = [typeof(MaskerArbitraries)])]
    public bool Hash_never_returns_the_input(AnyText text, HashKey key)
    {
        var hash = (string)new HashMasker(key.Bytes).Mask(text.Value, Args.Of(("length", "64")))!;
        return hash != text.Value && hash.Length == 64 && hash.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
    }

    [Property(Arbitrary = [typeof(MaskerArbitraries)])]
    public bool No_masker_throws_on_any_value(AnyValue value, string?[] argumentNames, string?[] argumentValues)
    {
        var arguments = argumentNames.Where(name => name is not null).Distinct()
            .Select((name, i) => (name!, argumentValues.Length == 0 ? "" : argumentValues[i % argumentValues.Length]!))
            .ToDictionary(a => a.Item1, a => a.Item2);
        foreach (var masker in BuiltInMaskers.Create(Args.Key))
        {
            _ = masker.ValidateArguments(arguments);
            Assert.True(IsMaskedForm(masker.Mask(value.Value, arguments)));
            Assert.True(IsMaskedForm(masker.Mask(value.Value, Args.None)));
        }

        return true;
    }

    [Property(Arbitrary = [typeof(MaskerArbitraries)])]
    public bool Email_domain_never_shows_the_local_part(EmailAddress email)
    {
        var masked = (string)EmailDomain.Mask(email.ToString(), Args.None)!;
        return masked == "***@" + email.Domain && !masked.Contains(email.Local, StringComparison.Ordinal);
    }

    private static bool IsMaskedForm(object? masked) => masked is null or string;

    private static string[] Elements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return [.. elements];
    }
}
