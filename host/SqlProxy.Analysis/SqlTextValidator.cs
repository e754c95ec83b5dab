namespace SqlProxy.Analysis;

/// <summary>
/// Checks request SQL before it reaches the native parser, which trusts its input: a NUL would
/// silently truncate the query and unpaired surrogates would become invalid UTF-8.
/// </summary>
internal static class SqlTextValidator
{
    /// <summary>Returns the error that stops <paramref name="sql"/>, or null and its UTF-8 length.</summary>
    public static SqlError? Validate(string sql, AnalysisLimits limits, out int utf8Length)
    {
        utf8Length = 0;
        // Every char takes at least one UTF-8 byte, so this spares scanning a huge string.
        if (sql.Length > limits.MaxSqlBytes)
        {
            return TooLong(limits);
        }

        var bytes = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\0')
            {
                return new SqlError(SqlErrorKind.InvalidText, $"SQL contains a NUL character at position {i + 1}", i + 1);
            }

            if (char.IsHighSurrogate(c) && i + 1 < sql.Length && char.IsLowSurrogate(sql[i + 1]))
            {
                bytes += 4;
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return new SqlError(SqlErrorKind.InvalidText, $"SQL contains an unpaired surrogate character at position {i + 1}", i + 1);
            }
            else
            {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }

        if (bytes > limits.MaxSqlBytes)
        {
            return TooLong(limits);
        }

        utf8Length = bytes;
        return null;
    }

    private static SqlError TooLong(AnalysisLimits limits) =>
        new(SqlErrorKind.TooLong, $"SQL is longer than the limit of {limits.MaxSqlBytes} UTF-8 bytes (MaxSqlBytes)", null);
}
