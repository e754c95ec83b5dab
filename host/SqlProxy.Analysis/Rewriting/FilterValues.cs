namespace SqlProxy.Analysis.Rewriting;

/// <summary>Checks the values bound into a predicate: they become string constants, which cannot hold every .NET string.</summary>
internal static class FilterValues
{
    /// <summary>One phrase naming what is wrong with the values, or null.</summary>
    public static string? FindProblem(IReadOnlyList<string> values)
    {
        for (var index = 0; index < values.Count; index++)
        {
            var value = values[index];
            if (value is null)
            {
                return $"the value for `${index + 1}` is missing";
            }

            // A NUL would cut the deparsed SQL short; an unpaired surrogate would silently become U+FFFD.
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '\0')
                {
                    return $"the value for `${index + 1}` contains a NUL character";
                }

                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    return $"the value for `${index + 1}` contains an unpaired surrogate character";
                }
            }
        }

        return null;
    }
}
