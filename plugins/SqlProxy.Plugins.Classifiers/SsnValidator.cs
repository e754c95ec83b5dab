namespace SqlProxy.Plugins.Classifiers;

/// <summary>
/// Recognises US social security numbers written <c>AAA-GG-SSSS</c>, without the numbers the SSA
/// never issues: area 000, 666 or 900–999, group 00, serial 0000.
/// </summary>
internal static class SsnValidator
{
    public static bool IsSsn(string value)
    {
        if (value.Length != 11 || value[3] != '-' || value[6] != '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (i is not (3 or 6) && !char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        var area = int.Parse(value.AsSpan(0, 3));
        var group = int.Parse(value.AsSpan(4, 2));
        var serial = int.Parse(value.AsSpan(7, 4));
        return area is > 0 and < 900 and not 666 && group > 0 && serial > 0;
    }
}
