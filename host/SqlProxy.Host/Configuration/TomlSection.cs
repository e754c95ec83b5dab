using Tomlyn.Model;

namespace SqlProxy.Host.Configuration;

/// <summary>
/// Reads one TOML table, remembering which keys were read so unknown ones can be reported,
/// and recording every problem under its full key (e.g. <c>databases[0].max_rows</c>).
/// </summary>
internal sealed class TomlSection(TomlTable table, string prefix, ConfigErrors errors, Func<string, string?> environment)
{
    private readonly HashSet<string> read = [];

    public string KeyOf(string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    public ConfigErrors Errors => errors;

    public string? String(string key, string? fallback = null, bool required = false)
    {
        var value = Raw(key);
        switch (value)
        {
            case null when required:
                errors.Add(KeyOf(key), "is required");
                return null;
            case null:
                return fallback;
            case string text:
                var substituted = EnvironmentSubstitution.Substitute(text, environment, out var missing);
                if (missing is not null) errors.Add(KeyOf(key), $"environment variable `{missing}` is not set (give a default with ${{{missing}:-value}})");
                return substituted;
            default:
                errors.Add(KeyOf(key), $"must be a string, not {Describe(value)}");
                return null;
        }
    }

    public long Integer(string key, long fallback, long min, long max)
    {
        var value = Raw(key);
        if (value is null) return fallback;
        if (value is long number && number >= min && number <= max) return number;
        errors.Add(KeyOf(key), value is long ? $"must be between {min} and {max}" : $"must be an integer, not {Describe(value)}");
        return fallback;
    }

    public bool Boolean(string key, bool fallback)
    {
        var value = Raw(key);
        if (value is null) return fallback;
        if (value is bool flag) return flag;
        errors.Add(KeyOf(key), $"must be true or false, not {Describe(value)}");
        return fallback;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var value = Raw(key);
        if (value is null) return [];
        if (value is TomlArray array && array.All(item => item is string))
            return array.Cast<string>().ToArray();
        errors.Add(KeyOf(key), "must be a list of strings");
        return [];
    }

    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var value = Raw(key);
        if (value is null) return new Dictionary<string, string>();
        if (value is TomlTable map && map.All(pair => pair.Value is string))
            return map.ToDictionary(pair => pair.Key, pair => (string)pair.Value!, StringComparer.Ordinal);
        errors.Add(KeyOf(key), "must be a table of strings");
        return new Dictionary<string, string>();
    }

    /// <summary>Whether the table has the key (without marking it read).</summary>
    public bool Has(string key) => table.ContainsKey(key);

    /// <summary>Every key of the table, in the file's order.</summary>
    public IReadOnlyList<string> Keys => table.Keys.ToArray();

    /// <summary>
    /// A plugin setting: a string (environment variables substituted), an integer, a number or a boolean; null
    /// (and an error) for anything else.
    /// </summary>
    public object? Scalar(string key)
    {
        var value = Raw(key);
        switch (value)
        {
            case string:
                return String(key);
            case long or double or bool:
                return value;
            case null:
                return null;
            default:
                errors.Add(KeyOf(key), $"must be a string, an integer, a number or a boolean, not {Describe(value)}");
                return null;
        }
    }

    public TomlSection Table(string key)
    {
        var value = Raw(key);
        if (value is not null and not TomlTable) errors.Add(KeyOf(key), $"must be a table, not {Describe(value)}");
        return new TomlSection(value as TomlTable ?? [], KeyOf(key), errors, environment);
    }

    public IReadOnlyList<TomlSection> TableArray(string key)
    {
        var value = Raw(key);
        if (value is null) return [];
        if (value is not TomlTableArray array)
        {
            errors.Add(KeyOf(key), $"must be an array of tables ([[{KeyOf(key)}]]), not {Describe(value)}");
            return [];
        }
        return array.Select((item, index) => new TomlSection(item, $"{KeyOf(key)}[{index}]", errors, environment)).ToArray();
    }

    /// <summary>Reports a key that an earlier version read here, naming where it is set now.</summary>
    public void Moved(string key, string replacement)
    {
        if (Raw(key) is not null) errors.Add(KeyOf(key), $"has moved: set {replacement} instead");
    }

    /// <summary>Reports every key of this table that no reader asked for (usually a typo).</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in table.Keys.Where(key => !read.Contains(key)))
            errors.Add(KeyOf(key), "is not a known setting");
    }

    private object? Raw(string key)
    {
        read.Add(key);
        return table.TryGetValue(key, out var value) ? value : null;
    }

    private static string Describe(object value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a number",
        bool => "a boolean",
        TomlArray => "a list",
        TomlTable => "a table",
        _ => value.GetType().Name,
    };
}
