using SqlProxy.Host.Commands;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.ConfigurationFiles;

/// <summary><c>sqlproxy config check</c>: the configuration, its plugins and its rules, as serve would load them, without a database.</summary>
public sealed class ConfigCheckCommandTests : IDisposable
{
    private const string DatabasePassword = "hunter2-db-password";
    private const string WebhookSecret = "Bearer whk-0123456789-abcdefghij-SECRET";
    private readonly ConfigFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task The_sample_configuration_checks_clean()
    {
        var path = Path.Combine(RepositoryPaths.Samples, "sqlproxy.toml");

        var (code, output, errors) = await CheckAsync(path, name => name == "SQLPROXY_DB_PASSWORD" ? DatabasePassword : null);

        Assert.True(code == 0, errors);
        Assert.Matches(@"^OK .*sqlproxy\.toml: 1 databases, 4 users, 2 rules files, plugins: .*audit_file \d+\.\d+\.\d+, .*audit_webhook \d.*\n", output);
        Assert.Contains("maskers", output);
        Assert.Contains("were not checked (that needs the live databases): run `sqlproxy rules check --config", output);
        Assert.DoesNotContain(DatabasePassword, output + errors);
        Assert.DoesNotContain("60f481b2c1f6cde012c8ef8db1b75556654a2416661b9a39dc1cd14ff987db51", output + errors);
    }

    [Fact]
    public async Task A_broken_file_lists_every_error_and_returns_2_without_secrets()
    {
        var path = files.Write("sqlproxy.toml", """
            [server]
            listen = "ftp://nowhere"

            [[databases]]
            name = "main"
            connection_string = "Host=127.0.0.1;Password=hunter2-db-password"
            max_rows = 0

            [[databases]]
            name = "other"
            connection_string = "Host=127.0.0.1;Password=${OTHER_PASSWORD}"

            [[users]]
            name = "alice"
            api_key_sha256 = "sk-live-not-a-hash"

            [rules]
            paths = ["rules"]
            """);

        var (code, output, errors) = await CheckAsync(path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = errors.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                "server.listen: `ftp://nowhere` is not an http:// or https:// URL",
                "databases[0].max_rows: must be between 1 and 10000000",
                "databases[1].connection_string: environment variable `OTHER_PASSWORD` is not set (give a default with ${OTHER_PASSWORD:-value})",
                "users[0].api_key_sha256: must be 64 hexadecimal characters (the SHA-256 of the key, e.g. from `printf %s KEY | sha256sum`)",
                $"{path}: 4 error(s): the configuration cannot serve.",
            ],
            lines);
        Assert.DoesNotContain(DatabasePassword, errors);
        Assert.DoesNotContain("sk-live-not-a-hash", errors);
    }

    [Fact]
    public async Task A_bad_plugin_setting_is_an_error_that_hides_the_secret()
    {
        var path = WriteWithRules("""
            [plugins.audit_file]
            path = "audit.jsonl"

            [plugins.audit_webhook]
            url = "ftp://audit.example.com/in"
            authorization = "Bearer whk-0123456789-abcdefghij-SECRET"
            """);

        var (code, output, errors) = await CheckAsync(path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("plugins: the built-in plugin `audit_webhook` did not load:", errors);
        Assert.Contains("`url` must be an absolute http:// or https:// URL", errors);
        Assert.DoesNotContain(WebhookSecret, errors);
        Assert.DoesNotContain("whk-0123456789", errors);
    }

    [Fact]
    public async Task A_configuration_without_an_audit_sink_cannot_serve()
    {
        var (code, _, errors) = await CheckAsync(WriteWithRules(""));

        Assert.Equal(2, code);
        Assert.Contains("plugins: no loaded plugin has an audit sink", errors);
    }

    [Fact]
    public async Task Rules_are_compiled_against_the_plugins()
    {
        var path = WriteWithRules("[plugins.audit_file]\npath = \"audit.jsonl\"\n", "mask label 'PII.Emial' with parital;\n");

        var (code, output, errors) = await CheckAsync(path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("rules/bad.rules:1:", errors);
        Assert.Contains("`PII.Emial` is not a classification label", errors);
    }

    [Fact]
    public async Task A_valid_configuration_with_includes_checks_clean()
    {
        var path = WriteWithRules("include = [\"conf.d/*.toml\"]\n");
        files.Write("conf.d/audit.toml", "[plugins.audit_file]\npath = \"audit.jsonl\"\n");

        var (code, output, errors) = await CheckAsync(path);

        Assert.True(code == 0, errors);
        Assert.StartsWith($"OK {path}: 1 databases, 1 users, 1 rules files, plugins: ", output);
        Assert.True(File.Exists(Path.Combine(files.Directory, "audit.jsonl")), "the audit_file path is relative to the main file");
    }

    private string WriteWithRules(string extra, string rules = "allow select on *;\n")
    {
        files.Write("rules/bad.rules", rules);
        // TOML wants top-level keys (include) before the first table.
        return files.Write("sqlproxy.toml", extra.StartsWith("include", StringComparison.Ordinal) ? extra + ConfigFiles.Minimal : ConfigFiles.Minimal + extra);
    }

    private static async Task<(int Code, string Output, string Errors)> CheckAsync(string path, Func<string, string?>? environment = null)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await ConfigCheckCommand.RunAsync(path, output, errors, CancellationToken.None, environment ?? (_ => null));
        return (code, output.ToString().ReplaceLineEndings("\n"), errors.ToString().ReplaceLineEndings("\n"));
    }
}
