using System.Collections.ObjectModel;

namespace SqlProxy.Sdk;

/// <summary>
/// A plugin's own settings: the <c>[plugins.&lt;name&gt;]</c> table of the host's configuration, as keys (compared
/// ordinally, as TOML does) to strings, 64-bit integers, doubles and booleans. Compared by value. Values may be
/// secrets: <see cref="object.ToString"/> shows none of them.
/// </summary>
public sealed record PluginSettings
{
    /// <summary>Copies and checks the settings.</summary>
    /// <param name="values">Each setting's key and value: a <see cref="string"/>, <see cref="long"/>, <see cref="double"/> or <see cref="bool"/>.</param>
    /// <exception cref="ArgumentException">A value is null or of another type.</exception>
    public PluginSettings(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (value is not (string or long or double or bool))
            {
                throw new ArgumentException(
                    $"Setting `{key}` is {Describe(value)}: a setting is a string, an integer, a number or a boolean.", nameof(values));
            }

            copy.Add(key, value);
        }

        Values = new ReadOnlyDictionary<string, object>(copy);
    }

    /// <summary>No settings: what a plugin without a <c>[plugins.&lt;name&gt;]</c> table receives.</summary>
    public static PluginSettings Empty { get; } = new(new Dictionary<string, object>());

    /// <summary>
    /// The directory relative paths in the settings are relative to: the directory of the host's configuration file.
    /// Null when the settings come from nowhere on disk; then <see cref="GetPath"/> resolves against the working directory.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Every setting: a <see cref="string"/>, <see cref="long"/>, <see cref="double"/> or <see cref="bool"/> per key.</summary>
    public IReadOnlyDictionary<string, object> Values { get; }

    /// <summary>A string setting.</summary>
    /// <param name="key">The setting's key.</param>
    /// <returns>Its value, or null when it is not set.</returns>
    /// <exception cref="InvalidOperationException">The setting is not a string.</exception>
    public string? GetString(string key) => Get<string>(key, "a string");

    /// <summary>A string setting naming a file or directory, made absolute against <see cref="BaseDirectory"/>.</summary>
    /// <param name="key">The setting's key.</param>
    /// <returns>The absolute path, or null when the setting is not set.</returns>
    /// <exception cref="InvalidOperationException">The setting is not a string, or is empty.</exception>
    public string? GetPath(string key) => GetString(key) switch
    {
        null => null,
        { Length: 0 } => throw new InvalidOperationException($"Setting `{key}` must name a path, not be empty."),
        var path => Path.GetFullPath(path, BaseDirectory ?? Directory.GetCurrentDirectory()),
    };

    /// <summary>An integer setting.</summary>
    /// <param name="key">The setting's key.</param>
    /// <returns>Its value, or null when it is not set.</returns>
    /// <exception cref="InvalidOperationException">The setting is not an integer.</exception>
    public long? GetInt64(string key) => Values.TryGetValue(key, out var value) ? value as long? ?? throw WrongType(key, value, "an integer") : null;

    /// <summary>A number setting; an integer is read as a number too.</summary>
    /// <param name="key">The setting's key.</param>
    /// <returns>Its value, or null when it is not set.</returns>
    /// <exception cref="InvalidOperationException">The setting is neither a number nor an integer.</exception>
    public double? GetDouble(string key) => Values.TryGetValue(key, out var value)
        ? value switch { double number => number, long integer => integer, _ => throw WrongType(key, value, "a number") }
        : null;

    /// <summary>A boolean setting.</summary>
    /// <param name="key">The setting's key.</param>
    /// <returns>Its value, or null when it is not set.</returns>
    /// <exception cref="InvalidOperationException">The setting is not a boolean.</exception>
    public bool? GetBoolean(string key) => Values.TryGetValue(key, out var value) ? value as bool? ?? throw WrongType(key, value, "a boolean") : null;

    /// <summary>Whether both hold the same keys with equal values.</summary>
    /// <param name="other">The settings to compare with.</param>
    /// <returns>True when they are equal.</returns>
    public bool Equals(PluginSettings? other) =>
        other is not null && BaseDirectory == other.BaseDirectory && Values.Count == other.Values.Count
        && Values.All(setting => other.Values.TryGetValue(setting.Key, out var value) && setting.Value.Equals(value));

    /// <summary>A hash code consistent with <see cref="Equals(PluginSettings)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        Values.Aggregate(HashCode.Combine(Values.Count, BaseDirectory), (hash, setting) => hash ^ HashCode.Combine(setting.Key, setting.Value));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Keys = [").AppendJoin(", ", Values.Keys.Order(StringComparer.Ordinal)).Append(']');
        return true;
    }

    private T? Get<T>(string key, string expected) where T : class =>
        Values.TryGetValue(key, out var value) ? value as T ?? throw WrongType(key, value, expected) : null;

    private static InvalidOperationException WrongType(string key, object value, string expected) =>
        new($"Setting `{key}` must be {expected}, not {Describe(value)}.");

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string => "a string",
        long => "an integer",
        double => "a number",
        bool => "a boolean",
        _ => $"a {value.GetType().Name}",
    };
}
