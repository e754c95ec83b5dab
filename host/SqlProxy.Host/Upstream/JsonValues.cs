using System.Globalization;
using Npgsql;

namespace SqlProxy.Host.Upstream;

/// <summary>Turns a column value into something System.Text.Json writes faithfully.</summary>
internal static class JsonValues
{
    public static object? Normalize(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        object value;
        try
        {
            value = reader.GetValue(ordinal);
        }
        catch (Exception e) when (e is InvalidCastException or NotSupportedException or InvalidOperationException)
        {
            // Types Npgsql has no mapping for still have a text form.
            return reader.GetFieldValue<string>(ordinal);
        }
        return Normalize(value);
    }

    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        string or bool or short or int or long or float or double or decimal or Guid => value,
        DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan => value,
        byte[] bytes => Convert.ToBase64String(bytes),
        Array array => array.Cast<object?>().Select(Normalize).ToArray(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
