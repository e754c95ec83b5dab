using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary><c>[plugins]</c>: its own settings, and a <c>[plugins.&lt;name&gt;]</c> table per plugin.</summary>
public sealed class PluginsConfigTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-config-").FullName;

    [Fact]
    public void Without_a_plugins_section_only_the_built_in_plugins_load_with_no_settings()
    {
        var config = Load("");

        Assert.Equal(PluginsConfig.DefaultBuiltInDirectory, config.Plugins.BuiltInDirectory);
        Assert.Null(config.Plugins.Directory);
        Assert.False(config.Plugins.Watch);
        Assert.Empty(config.Plugins.Settings);
        Assert.Equal(directory, config.Plugins.SettingsFor("pii").BaseDirectory);
    }

    [Fact]
    public void The_built_in_plugins_can_be_left_out_and_settings_resolve_paths_against_the_config_file()
    {
        var config = Load("[plugins]\nbuiltin = false\n[plugins.audit_file]\npath = \"audit/a.jsonl\"\n");

        Assert.Null(config.Plugins.BuiltInDirectory);
        Assert.Equal([], config.Plugins.Directories());
        Assert.Equal(Path.Combine(directory, "audit", "a.jsonl"), config.Plugins.SettingsFor("audit_file").GetPath("path"));
    }

    [Fact]
    public void The_section_and_each_plugin_table_are_read()
    {
        var config = Load("""
            [plugins]
            directory = "plugins"
            watch = true
            call_timeout_ms = 250

            [plugins.maskers]
            hash_key = "${KEY}"
            rounds = 3
            ratio = 0.5
            strict = false

            [plugins.pii]
            """, ("KEY", "k"));

        Assert.Equal(Path.Combine(directory, "plugins"), config.Plugins.Directory);
        Assert.True(config.Plugins.Watch);
        Assert.Equal(250, config.Plugins.CallTimeoutMs);
        var maskers = config.Plugins.Settings["maskers"];
        Assert.Equal(("k", 3L, 0.5, false), (maskers.GetString("hash_key"), maskers.GetInt64("rounds"), maskers.GetDouble("ratio"), maskers.GetBoolean("strict")));
        Assert.Empty(config.Plugins.Settings["pii"].Values);
    }

    [Fact]
    public void Defaults_apply_when_only_the_directory_is_given()
    {
        var config = Load("[plugins]\ndirectory = \"/opt/plugins\"\n");

        Assert.Equal(("/opt/plugins", false, 1000), (config.Plugins.Directory, config.Plugins.Watch, config.Plugins.CallTimeoutMs));
    }

    [Theory]
    [InlineData("[plugins]\nbuiltin = 1\n", "plugins.builtin: must be true or false, not an integer")]
    [InlineData("[plugins]\ndirectory = \"p\"\ncall_timeout_ms = 0\n", "plugins.call_timeout_ms: must be between 1 and 600000")]
    [InlineData("[plugins]\ndirectory = \"p\"\nwatch = \"yes\"\n", "plugins.watch: must be true or false, not a string")]
    [InlineData("[plugins]\ndirectory = \"p\"\ntimeout = 5\n", "plugins.timeout: must be a table, not an integer")]
    [InlineData("[plugins]\ndirectory = \"p\"\n[plugins.maskers]\nkeys = [\"a\"]\n", "plugins.maskers.keys: must be a string, an integer, a number or a boolean, not a list")]
    [InlineData("[plugins]\ndirectory = \"p\"\n[plugins.maskers.nested]\na = 1\n", "plugins.maskers.nested: must be a string, an integer, a number or a boolean, not a table")]
    [InlineData("[plugins]\ndirectory = \"p\"\n[plugins.maskers]\nhash_key = \"${NOPE}\"\n", "plugins.maskers.hash_key: environment variable `NOPE` is not set")]
    public void A_bad_setting_is_reported_under_its_key(string toml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Load(toml));
        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    private ProxyConfig Load(string plugins, params (string Name, string Value)[] environment)
    {
        var path = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(path, ConfigLoaderTests.Valid + "\n\n" + plugins);
        return ConfigLoader.Load(path, name => name == "DB_PASSWORD" ? "pw" : environment.FirstOrDefault(e => e.Name == name).Value);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
