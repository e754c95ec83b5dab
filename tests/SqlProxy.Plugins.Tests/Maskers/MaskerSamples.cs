namespace SqlProxy.Plugins.Tests.Maskers;

/// <summary>Any text, including lone surrogates, combining marks and emoji.</summary>
public sealed record AnyText(string Value)
{
    public override string ToString() => $"\"{Value}\"";
}

/// <summary>Arguments of the partial masker, all valid.</summary>
public sealed record PartialArguments(int KeepFirst, int KeepLast, string MaskChar)
{
    public IReadOnlyDictionary<string, string> ToDictionary() =>
        Args.Of(("keep_first", KeepFirst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("keep_last", KeepLast.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("mask_char", MaskChar));
}

/// <summary>A hash key of 16 to 64 bytes.</summary>
public sealed record HashKey(byte[] Bytes)
{
    public override string ToString() => Convert.ToHexString(Bytes);
}

/// <summary>A valid e-mail address whose local part (it starts upper-case) cannot occur in its lower-case domain.</summary>
public sealed record EmailAddress(string Local, string Domain)
{
    public override string ToString() => $"{Local}@{Domain}";
}

/// <summary>Any value a database or a careless caller could hand a masker.</summary>
public sealed record AnyValue(object? Value)
{
    public override string ToString() => Value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        ThrowingValue => nameof(ThrowingValue),
        _ => $"{Value.GetType().Name}: {Value}",
    };
}

/// <summary>A value whose text form cannot be had.</summary>
public sealed class ThrowingValue
{
    public override string ToString() => throw new InvalidOperationException("no text");
}
