using FsCheck;
using FsCheck.Fluent;

namespace SqlProxy.Plugins.Tests.Maskers;

/// <summary>FsCheck generators for values and arguments the maskers must handle.</summary>
public static class MaskerArbitraries
{
    /// <summary>Pieces that stress text-element handling: combining marks, emoji sequences, flags, CR LF, prepend marks, lone surrogates.</summary>
    private static readonly string[] Tricky =
    [
        "e\u0301", "\u0301", "👍🏽", "👩‍👩‍👧‍👦", "🇺🇸", "🇬", "\r\n", "\n", "\u0600", "\u200D", "\uD800", "\uDC00", "*", "@", "é", "ß", "한", "\u1100\u1161",
    ];

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";

    public static Arbitrary<AnyText> AnyText()
    {
        var anyChar = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString());
        var piece = Gen.Frequency((3, anyChar), (2, Gen.Elements(Tricky)), (3, Gen.Choose('a', 'z').Select(c => ((char)c).ToString())));
        return Gen.Choose(0, 40).SelectMany(n => piece.ArrayOf(n)).Select(pieces => new AnyText(string.Concat(pieces))).ToArbitrary();
    }

    public static Arbitrary<PartialArguments> PartialArguments()
    {
        var arguments =
            from keepFirst in Gen.Choose(0, 64)
            from keepLast in Gen.Choose(0, 64)
            from maskChar in Gen.Elements("*", "#", "x", "•", "👍🏽")
            select new PartialArguments(keepFirst / 4, keepLast / 4, maskChar);
        return arguments.ToArbitrary();
    }

    public static Arbitrary<HashKey> HashKey() =>
        Gen.Choose(16, 64).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n)).Select(bytes => new HashKey(bytes)).ToArbitrary();

    public static Arbitrary<EmailAddress> EmailAddress()
    {
        var local =
            from first in StringOf(Upper, 1, 1)
            from rest in StringOf(Upper + Lower + "0123456789.+_-", 0, 20)
            select first + rest;
        var domain = Gen.Choose(1, 3).SelectMany(n => StringOf(Lower, 1, 10).ArrayOf(n)).Select(labels => string.Join('.', labels) + ".com");
        return Gen.Zip(local, domain).Select(parts => new EmailAddress(parts.Item1, parts.Item2)).ToArbitrary();
    }

    public static Arbitrary<AnyValue> AnyValue()
    {
        var text = AnyText().Generator.Select(t => (object?)t.Value);
        var value = Gen.OneOf(
            text,
            Gen.Constant<object?>(null),
            Gen.Constant<object?>(DBNull.Value),
            ArbMap.Default.GeneratorFor<int>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<long>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<double>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<decimal>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<bool>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<DateTime>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<DateTimeOffset>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<Guid>().Select(v => (object?)v),
            ArbMap.Default.GeneratorFor<byte[]>().Select(v => (object?)v),
            Gen.Constant<object?>(new object()),
            Gen.Constant<object?>(new ThrowingValue()));
        return value.Select(v => new AnyValue(v)).ToArbitrary();
    }

    private static Gen<string> StringOf(string chars, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements(chars.ToCharArray()).ArrayOf(n)).Select(cs => new string(cs));
}
