namespace SqlProxy.Sdk.Tests;

public sealed class PluginSettingsTests
{
    private static PluginSettings Settings(params (string Key, object Value)[] values) =>
        new(values.ToDictionary(pair => pair.Key, pair => pair.Value));

    [Fact]
    public void Typed_getters_read_their_type_and_null_when_unset()
    {
        var settings = Settings(("path", "audit.jsonl"), ("retries", 3L), ("ratio", 0.5), ("watch", true));

        Assert.Equal("audit.jsonl", settings.GetString("path"));
        Assert.Equal(3L, settings.GetInt64("retries"));
        Assert.Equal(0.5, settings.GetDouble("ratio"));
        Assert.True(settings.GetBoolean("watch"));
        Assert.Null(settings.GetString("missing"));
        Assert.Null(settings.GetInt64("missing"));
        Assert.Null(settings.GetDouble("missing"));
        Assert.Null(settings.GetBoolean("missing"));
    }

    [Fact]
    public void An_integer_reads_as_a_number()
    {
        Assert.Equal(2.0, Settings(("ratio", 2L)).GetDouble("ratio"));
    }

    [Fact]
    public void A_setting_of_another_type_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(("watch", "yes")).GetBoolean("watch"));

        Assert.Equal("Setting `watch` must be a boolean, not a string.", error.Message);
        Assert.Throws<InvalidOperationException>(() => Settings(("ratio", 0.5)).GetInt64("ratio"));
        Assert.Throws<InvalidOperationException>(() => Settings(("n", 1L)).GetString("n"));
    }

    [Fact]
    public void Only_strings_integers_numbers_and_booleans_are_settings()
    {
        var error = Assert.Throws<ArgumentException>(() => Settings(("when", DateTime.UnixEpoch)));

        Assert.StartsWith("Setting `when` is a DateTime: a setting is a string, an integer, a number or a boolean.", error.Message);
        Assert.Throws<ArgumentException>(() => Settings(("n", 1)));
    }

    [Fact]
    public void Keys_are_case_sensitive_as_in_toml()
    {
        Assert.Null(Settings(("Path", "a")).GetString("path"));
    }

    [Fact]
    public void Settings_are_compared_by_value_whatever_their_order()
    {
        var first = Settings(("a", "x"), ("b", 1L));
        var second = Settings(("b", 1L), ("a", "x"));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Settings(("a", "x"), ("b", 2L)));
        Assert.NotEqual(first, Settings(("a", "x")));
        Assert.Equal(PluginSettings.Empty, Settings());
    }

    [Fact]
    public void The_settings_are_a_copy()
    {
        var source = new Dictionary<string, object> { ["a"] = "x" };
        var settings = new PluginSettings(source);

        source["a"] = "changed";

        Assert.Equal("x", settings.GetString("a"));
    }

    [Fact]
    public void Printing_the_settings_shows_keys_not_values()
    {
        var text = Settings(("hash_key", "a-secret-value-of-32-characters!"), ("path", "x")).ToString();

        Assert.Equal("PluginSettings { Keys = [hash_key, path] }", text);
    }

    [Fact]
    public void A_path_setting_is_made_absolute_against_the_base_directory()
    {
        var settings = Settings(("relative", "audit/a.jsonl"), ("absolute", "/var/log/a.jsonl"), ("empty", ""), ("number", 1L)) with { BaseDirectory = "/etc/sqlproxy" };

        Assert.Equal("/etc/sqlproxy/audit/a.jsonl", settings.GetPath("relative"));
        Assert.Equal("/var/log/a.jsonl", settings.GetPath("absolute"));
        Assert.Null(settings.GetPath("missing"));
        Assert.Equal("Setting `empty` must name a path, not be empty.", Assert.Throws<InvalidOperationException>(() => settings.GetPath("empty")).Message);
        Assert.Equal("Setting `number` must be a string, not an integer.", Assert.Throws<InvalidOperationException>(() => settings.GetPath("number")).Message);
        Assert.Equal(Path.GetFullPath("a"), (Settings(("a", "a")) with { BaseDirectory = null }).GetPath("a"));
    }

    [Fact]
    public void The_base_directory_takes_part_in_equality()
    {
        var settings = Settings(("a", "x"));

        Assert.Equal(settings with { BaseDirectory = "/b" }, settings with { BaseDirectory = "/b" });
        Assert.NotEqual(settings with { BaseDirectory = "/b" }, settings);
        Assert.Equal((settings with { BaseDirectory = "/b" }).GetHashCode(), (settings with { BaseDirectory = "/b" }).GetHashCode());
    }
}
