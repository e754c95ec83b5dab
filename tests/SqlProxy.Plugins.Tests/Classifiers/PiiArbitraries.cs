using FsCheck;
using FsCheck.Fluent;

namespace SqlProxy.Plugins.Tests.Classifiers;

/// <summary>FsCheck generators for values the classifier must recognise or refuse.</summary>
public static class PiiArbitraries
{
    private const string AtomChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-";
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Alphanumerics = Letters + "0123456789";

    public static Arbitrary<ValidEmail> ValidEmail()
    {
        var atom = StringOf(AtomChars, 1, 12);
        var local = Gen.Choose(1, 3).SelectMany(n => atom.ArrayOf(n)).Select(atoms => string.Join('.', atoms));
        var label =
            from first in StringOf(Alphanumerics, 1, 1)
            from middle in StringOf(Alphanumerics + "-", 0, 10)
            from last in StringOf(Alphanumerics, 1, 1)
            select middle.Length == 0 ? first : first + middle + last;
        var domain = Gen.Choose(1, 3).SelectMany(n => label.ArrayOf(n)).Select(labels => string.Join('.', labels));
        var tld = StringOf(Letters, 2, 8);
        var email =
            from l in local
            from d in domain
            from t in tld
            select new ValidEmail($"{l}@{d}.{t}");
        return email.ToArbitrary();
    }

    public static Arbitrary<CardDigits> CardDigits()
    {
        var digits = Gen.Choose(13, 19).SelectMany(length => Gen.Zip(Gen.Choose(1, 9), Gen.Choose(0, 9).ArrayOf(length - 1)))
            .Select(parts => new[] { parts.Item1 }.Concat(parts.Item2).ToArray());
        var separator = Gen.Elements("", " ", "-");
        var card =
            from d in digits
            from s in separator
            from groupSize in Gen.Choose(3, 6)
            select new CardDigits(d, Write(d, s, groupSize));
        return card.ToArbitrary();
    }

    private static Gen<string> StringOf(string chars, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements(chars.ToCharArray()).ArrayOf(n)).Select(cs => new string(cs));

    private static string Write(int[] digits, string separator, int groupSize) =>
        string.Join(separator, digits.Chunk(groupSize).Select(group => string.Concat(group)));
}
