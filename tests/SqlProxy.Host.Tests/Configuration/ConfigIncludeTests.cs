namespace SqlProxy.Host.Tests.ConfigurationFiles;

/// <summary><c>include = [...]</c>: files merged into the main one, key by key, with errors naming the files.</summary>
public sealed class ConfigIncludeTests : IDisposable
{
    private const string Database = "[[databases]]\nname = \"{0}\"\nconnection_string = \"Host=127.0.0.1\"\n";
    private const string User = "[[users]]\nname = \"{0}\"\napi_key_sha256 = \"{1}\"\n";
    private readonly ConfigFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Included_tables_merge_key_by_key_and_arrays_of_tables_concatenate_in_include_order()
    {
        files.Write("sqlproxy.toml", "include = [\"server.toml\", \"conf.d/*.toml\"]\n" + ConfigFiles.Minimal + "[server]\nlisten = \"http://127.0.0.1:9000\"\n");
        files.Write("server.toml", "[server]\nmax_body_bytes = 2048\n[limits]\nmax_sql_bytes = 5000\n");
        files.Write("conf.d/20-b.toml", string.Format(Database, "b") + string.Format(User, "bob", new string('b', 64)));
        files.Write("conf.d/10-a.toml", string.Format(Database, "a"));
        files.Write("conf.d/notes.txt", "not toml at all = = =");

        var config = files.Load();

        Assert.Equal("http://127.0.0.1:9000", config.Server.Listen);
        Assert.Equal(2048, config.Server.MaxBodyBytes);
        Assert.Equal(5000, config.Limits.MaxSqlBytes);
        Assert.Equal(["main", "a", "b"], config.Databases.Select(d => d.Name));
        Assert.Equal(["alice", "bob"], config.Users.Select(u => u.Name));
    }

    [Fact]
    public void Nested_includes_follow_their_including_file_and_resolve_against_it()
    {
        files.Write("sqlproxy.toml", "include = [\"conf.d/first.toml\", \"last.toml\"]\n" + ConfigFiles.Minimal);
        files.Write("conf.d/first.toml", "include = [\"nested/inner.toml\"]\n" + string.Format(Database, "first"));
        files.Write("conf.d/nested/inner.toml", string.Format(Database, "inner"));
        files.Write("last.toml", string.Format(Database, "last"));

        Assert.Equal(["main", "first", "inner", "last"], files.Load().Databases.Select(d => d.Name));
    }

    [Fact]
    public void Relative_paths_in_an_included_file_stay_relative_to_the_main_file()
    {
        files.Write("sqlproxy.toml", "include = [\"conf.d/plugins.toml\"]\n" + ConfigFiles.Minimal.Replace("[rules]\npaths = [\"rules\"]\n", ""));
        files.Write("conf.d/plugins.toml", "[rules]\npaths = [\"policies\"]\n[plugins.audit_file]\npath = \"audit/audit.jsonl\"\n");

        var config = files.Load();

        Assert.Equal([Path.Combine(files.Directory, "policies")], config.Rules.Paths);
        Assert.Equal(Path.Combine(files.Directory, "audit", "audit.jsonl"), config.Plugins.SettingsFor("audit_file").GetPath("path"));
    }

    [Fact]
    public void A_key_set_in_two_files_is_an_error_naming_both()
    {
        files.Write("sqlproxy.toml", "include = [\"a.toml\", \"b.toml\"]\n" + ConfigFiles.Minimal + "[server]\nlisten = \"http://127.0.0.1:1\"\n");
        files.Write("a.toml", "[server]\nlisten = \"http://127.0.0.1:2\"\n[limits]\nmax_sql_bytes = 100\n");
        files.Write("b.toml", "[limits]\nmax_sql_bytes = 200\n");

        var errors = files.Errors();

        Assert.Contains("server.listen: is set in both sqlproxy.toml and a.toml (a key may be set in one file only; arrays of tables such as [[databases]] are concatenated)", errors);
        Assert.Contains(errors, e => e.StartsWith("limits.max_sql_bytes: is set in both a.toml and b.toml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_is_an_error_naming_the_chain()
    {
        files.Write("sqlproxy.toml", "include = [\"a.toml\"]\n" + ConfigFiles.Minimal);
        files.Write("a.toml", "include = [\"b.toml\"]\n");
        files.Write("b.toml", "include = [\"sqlproxy.toml\"]\n");

        Assert.Contains("b.toml: include: `sqlproxy.toml` makes a cycle: sqlproxy.toml → a.toml → b.toml → sqlproxy.toml", files.Errors());
    }

    [Fact]
    public void Includes_nest_at_most_eight_levels()
    {
        files.Write("sqlproxy.toml", "include = [\"1.toml\"]\n" + ConfigFiles.Minimal);
        for (var level = 1; level <= 8; level++) files.Write($"{level}.toml", $"include = [\"{level + 1}.toml\"]\n");
        files.Write("9.toml", "[server]\nmax_body_bytes = 4096\n");

        var error = Assert.Single(files.Errors());
        Assert.StartsWith("8.toml: include: `9.toml` nests includes deeper than 8 levels: sqlproxy.toml → 1.toml → 2.toml", error);

        files.Write("8.toml", "[server]\nmax_body_bytes = 4096\n");
        Assert.Equal(4096, files.Load().Server.MaxBodyBytes);
    }

    [Fact]
    public void A_missing_include_is_an_error_naming_it_but_a_glob_may_match_nothing()
    {
        files.Write("sqlproxy.toml", "include = [\"missing.toml\", \"conf.d/*.toml\", \"nowhere/*.toml\"]\n" + ConfigFiles.Minimal);

        var error = Assert.Single(files.Errors());
        Assert.Equal($"include: `missing.toml` not found ({Path.Combine(files.Directory, "missing.toml")})", error);
    }

    [Fact]
    public void Errors_in_an_included_file_name_the_file_and_the_key()
    {
        files.Write("sqlproxy.toml", "include = [\"conf.d/db.toml\", \"broken.toml\"]\n" + ConfigFiles.Minimal);
        files.Write("conf.d/db.toml", string.Format(Database, "reports") + "max_rows = 0\npassword = \"${REPORTS_PASSWORD}\"\n[server]\nbogus = 1\n");
        files.Write("broken.toml", "a = \n");

        var errors = files.Errors();

        Assert.Contains("conf.d/db.toml: databases[1].max_rows: must be between 1 and 10000000", errors);
        Assert.Contains("conf.d/db.toml: databases[1].password: is not a known setting", errors);
        Assert.Contains("conf.d/db.toml: server.bogus: is not a known setting", errors);
        Assert.Contains(errors, e => e.StartsWith("broken.toml: not valid TOML: ", StringComparison.Ordinal) && e.Contains("(1,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_environment_variable_in_an_included_file_names_the_file_and_key()
    {
        files.Write("sqlproxy.toml", "include = [\"db.toml\"]\n" + ConfigFiles.Minimal);
        files.Write("db.toml", "[[databases]]\nname = \"reports\"\nconnection_string = \"Password=${REPORTS_PASSWORD}\"\n");

        var error = Assert.Single(files.Errors());
        Assert.StartsWith("db.toml: databases[1].connection_string: environment variable `REPORTS_PASSWORD` is not set", error);
    }

    [Theory]
    [InlineData("include = \"a.toml\"", "include: must be a list of file paths (strings)")]
    [InlineData("include = [\"*/a.toml\"]", "include: `*/a.toml`: `*` and `?` are allowed only in the file name, not in directories")]
    public void A_bad_include_entry_is_reported(string include, string expected)
    {
        files.Write("sqlproxy.toml", include + "\n" + ConfigFiles.Minimal);
        Assert.Contains(expected, files.Errors());
    }

    [Fact]
    public void A_file_included_twice_is_an_error()
    {
        files.Write("sqlproxy.toml", "include = [\"a.toml\", \"b.toml\"]\n" + ConfigFiles.Minimal);
        files.Write("a.toml", "include = [\"common.toml\"]\n");
        files.Write("b.toml", "include = [\"common.toml\"]\n");
        files.Write("common.toml", "[limits]\nmax_sql_bytes = 100\n");

        Assert.Contains("b.toml: include: `common.toml`: common.toml is included more than once", files.Errors());
    }
}
