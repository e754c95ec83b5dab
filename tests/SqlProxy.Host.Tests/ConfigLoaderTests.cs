using SqlProxy.Host.Configuration;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>The configuration is validated at load, and every error names its key.</summary>
public sealed class ConfigLoaderTests : IDisposable
{
    internal const string Valid = """
        [[databases]]
        name = "testdb"
        connection_string = "Host=127.0.0.1;Password=${DB_PASSWORD}"

        [[users]]
        name = "alice"
        api_key_sha256 = "60f481b2c1f6cde012c8ef8db1b75556654a2416661b9a39dc1cd14ff987db51"
        roles = ["admin"]

        [rules]
        paths = ["rules"]
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-config-").FullName;

    [Fact]
    public void The_sample_configuration_loads()
    {
        var config = ConfigLoader.Load(Path.Combine(RepositoryPaths.Samples, "sqlproxy.toml"), name => name == "SQLPROXY_DB_PASSWORD" ? "secret" : null);

        Assert.Equal("testdb", Assert.Single(config.Databases).Name);
        Assert.Equal(["admin", "analyst", "developer", "auditor"], config.Users.Select(u => u.Name));
        Assert.Contains("Password=secret", config.Databases[0].ConnectionString);
        Assert.Contains("Port=5432", config.Databases[0].ConnectionString);
    }

    [Fact]
    public void Environment_variables_are_substituted_and_paths_resolved_against_the_file()
    {
        var config = Load(Valid + "\n[plugins.audit_file]\npath = \"audit.jsonl\"\n", ("DB_PASSWORD", "pw"));

        Assert.Equal("Host=127.0.0.1;Password=pw", config.Databases[0].ConnectionString);
        Assert.Equal(Path.Combine(directory, "audit.jsonl"), config.Plugins.SettingsFor("audit_file").GetPath("path"));
        Assert.Equal(directory, config.Plugins.SettingsFor("not_configured").BaseDirectory);
        Assert.Equal([Path.Combine(directory, "rules")], config.Rules.Paths);
    }

    [Theory]
    [InlineData("Password=${DB_PASSWORD}", "Password=${NOPE}", "databases[0].connection_string: environment variable `NOPE` is not set")]
    [InlineData("roles = [\"admin\"]", "roles = [\"admin\"]\nrole = \"x\"", "users[0].role: is not a known setting")]
    [InlineData("api_key_sha256 = \"60f481b2c1f6cde012c8ef8db1b75556654a2416661b9a39dc1cd14ff987db51\"", "api_key_sha256 = \"sk-admin-demo-key\"", "users[0].api_key_sha256: must be 64 hexadecimal characters")]
    [InlineData("name = \"testdb\"", "name = \"testdb\"\nmax_rows = 0", "databases[0].max_rows: must be between 1 and 10000000")]
    [InlineData("name = \"testdb\"", "name = \"testdb\"\nmax_rows = \"many\"", "databases[0].max_rows: must be an integer, not a string")]
    [InlineData("paths = [\"rules\"]", "paths = [\"rules\"]\n[audit]\nfile = \"a.jsonl\"", "audit.file: has moved: set [plugins.audit_file] path (the built-in audit file plugin) instead")]
    [InlineData("paths = [\"rules\"]", "paths = [\"rules\"]\n[plugins]\nbuiltin = \"yes\"", "plugins.builtin: must be true or false, not a string")]
    [InlineData("paths = [\"rules\"]", "paths = \"rules\"", "rules.paths: must be a list of strings")]
    public void A_bad_setting_is_reported_under_its_key(string from, string to, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Load(Valid.Replace(from, to), ("DB_PASSWORD", "pw")));
        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_in_array_entries_name_the_entry_by_its_index()
    {
        var toml = Valid
            + "\n[[databases]]\nname = \"second\"\n"
            + "\n[[users]]\nname = \"bob\"\napi_key_sha256 = \"" + new string('b', 64) + "\"\n"
            + "\n[[users]]\nname = \"carol\"\napi_key_sha256 = \"not-a-hash\"\nroles = \"admin\"\n";

        var error = Assert.Throws<ConfigException>(() => Load(toml, ("DB_PASSWORD", "pw")));

        Assert.Equal(
            [
                "databases[1].connection_string: is required",
                "users[2].api_key_sha256: must be 64 hexadecimal characters (the SHA-256 of the key, e.g. from `printf %s KEY | sha256sum`)",
                "users[2].roles: must be a list of strings",
            ],
            error.Errors);
    }

    [Fact]
    public void A_missing_environment_variable_without_default_names_the_key_and_a_default_does_not_fail()
    {
        var error = Assert.Throws<ConfigException>(() => Load(Valid));
        Assert.Equal(["databases[0].connection_string: environment variable `DB_PASSWORD` is not set (give a default with ${DB_PASSWORD:-value})"], error.Errors);

        var config = Load(Valid.Replace("${DB_PASSWORD}", "${DB_PASSWORD:-fallback}"));
        Assert.Equal("Host=127.0.0.1;Password=fallback", config.Databases[0].ConnectionString);
    }

    [Fact]
    public void Array_of_tables_entries_separated_by_other_tables_are_all_kept()
    {
        // Tomlyn alone keeps only the entries after the last interruption: alice would be lost.
        var toml = Valid + "\n# déjà vu — more users\n[[users]]\nname = \"bob\"\napi_key_sha256 = \"" + new string('b', 64) + "\"\n[server]\nmax_body_bytes = 2048\n";

        var config = Load(toml, ("DB_PASSWORD", "pw"));

        Assert.Equal(["alice", "bob"], config.Users.Select(u => u.Name));
        Assert.Equal(["rules"], config.Rules.Paths.Select(Path.GetFileName));
        Assert.Equal(2048, config.Server.MaxBodyBytes);
    }

    [Fact]
    public void A_key_set_twice_in_one_file_is_an_error()
    {
        var toml = Valid + "\n[server]\nlisten = \"http://127.0.0.1:1\"\nlisten = \"http://127.0.0.1:2\"\n[limits]\nmax_sql_bytes = 100\n[limits]\nmax_sql_bytes = 200\n";

        var error = Assert.Throws<ConfigException>(() => Load(toml, ("DB_PASSWORD", "pw")));

        Assert.Equal(["limits.max_sql_bytes: is set more than once in sqlproxy.toml", "server.listen: is set more than once in sqlproxy.toml"], error.Errors.Order());
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var error = Assert.Throws<ConfigException>(() => Load("[server]\nlisten = \"ftp://x\"\nbogus = 1\n"));
        Assert.Contains(error.Errors, e => e.StartsWith("server.listen:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("server.bogus:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("databases:", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_toml_names_line_and_column()
    {
        var error = Assert.Throws<ConfigException>(() => Load("a = \n"));
        Assert.Contains("(1,", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(directory, "none.toml")));
        Assert.Contains("file not found", error.Message);
    }

    private ProxyConfig Load(string toml, params (string Name, string Value)[] environment)
    {
        var path = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(path, toml);
        return ConfigLoader.Load(path, name => environment.FirstOrDefault(e => e.Name == name).Value);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
