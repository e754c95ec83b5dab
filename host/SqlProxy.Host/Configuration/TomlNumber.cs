namespace SqlProxy.Host.Configuration;

/// <summary>Reads a setting that may be written as an integer or a decimal number (<c>2</c> or <c>0.5</c>).</summary>
internal static class TomlNumber
{
    public static double Read(TomlSection section, string key, double fallback, double min, double max)
    {
        if (!section.Has(key))
        {
            section.Scalar(key); // marks the key read
            return fallback;
        }
        var value = section.Scalar(key);
        double? number = value switch
        {
            long integer => integer,
            double real => real,
            _ => null,
        };
        if (number is { } n && n >= min && n <= max && !double.IsNaN(n)) return n;
        section.Errors.Add(section.KeyOf(key), number is null ? "must be a number" : $"must be between {min} and {max}");
        return fallback;
    }
}
