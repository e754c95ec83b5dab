namespace SqlProxy.Rules.Tests;

public sealed class IncludeTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("sqlproxy-include-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    IReadOnlyList<RuleSource> Read(params string[] relative) =>
        RuleSources.Read(relative.Select(r => Path.Combine(_root, r)), _root);

    static string[] Messages(RulesException e) => [.. e.Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void IncludesAreFollowedRelativeToTheIncludingFileAndEachFileIsReadOnce()
    {
        Write("policy/main.rules", "include 'common/a.rules';\ninclude '../shared.rules';\nallow select on testdb;");
        Write("policy/common/a.rules", "include '../../shared.rules';\nblock select on testdb.public.secret;");
        Write("shared.rules", "block delete on *;");

        var sources = Read("policy/main.rules", "shared.rules");

        Assert.Equal(["policy/main.rules", "policy/common/a.rules", "shared.rules"], sources.Select(s => s.Path));
        Assert.Equal(3, RulesCompiler.Compile(sources).Count);
    }

    [Fact]
    public void ACycleIsAnErrorNamingTheChainAtTheInclude()
    {
        Write("a.rules", "include 'b.rules';");
        Write("b.rules", "# b\n  include 'a.rules';");
        Write("self.rules", "include './self.rules';");

        var error = Assert.Throws<RulesException>(() => Read("a.rules", "self.rules"));

        Assert.Equal(
            ["b.rules:2:3: `include` makes a cycle: a.rules → b.rules → a.rules", "self.rules:1:1: `include` makes a cycle: self.rules → self.rules"],
            Messages(error));
    }

    [Fact]
    public void AMissingIncludedFileIsAnErrorAtTheInclude()
    {
        Write("dir/main.rules", "allow select on *;\ninclude 'gone.rules';");

        var error = Assert.Throws<RulesException>(() => Read("dir/main.rules"));

        Assert.Equal(["dir/main.rules:2:1: no rules file at `dir/gone.rules`"], Messages(error));
    }

    [Fact]
    public void ProblemsInAnIncludedFileCarryItsOwnPath()
    {
        Write("main.rules", "include 'sub/other.rules';\nallow select on *;");
        Write("sub/other.rules", "\nallow selct on *;");

        var error = Assert.Throws<RulesException>(() => RulesCompiler.Compile(Read("main.rules")));

        Assert.Equal(["sub/other.rules:2:7: `selct` is not an action"], error.Diagnostics.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}"));
    }

    [Fact]
    public void TheVersionCoversIncludedTexts()
    {
        Write("main.rules", "include 'other.rules';");
        Write("other.rules", "allow select on *;");
        var before = RulesCompiler.Compile(Read("main.rules")).Version;

        Write("other.rules", "allow select on testdb;");
        var after = RulesCompiler.Compile(Read("main.rules")).Version;

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void AnIncludedFileReadFromADirectoryToIsReadOnce()
    {
        Write("rules/a.rules", "include 'b.rules';\nallow select on *;");
        Write("rules/b.rules", "block delete on *;");

        var sources = Read("rules");

        Assert.Equal(["rules/a.rules", "rules/b.rules"], sources.Select(s => s.Path));
        Assert.Equal(2, RulesCompiler.Compile(sources).Count);
    }
}
