namespace SqlProxy.Rules.Tests;

public sealed class RuleSourcesTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("sqlproxy-rules-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ADirectoryGivesItsRulesFilesInOrdinalOrderWithoutRecursing()
    {
        Write("rules/b.rules", "b");
        Write("rules/B.rules", "B");
        Write("rules/a.rules", "a");
        Write("rules/notes.txt", "x");
        Write("rules/sub/c.rules", "c");

        var sources = RuleSources.Read([Path.Combine(_root, "rules")], _root);

        Assert.Equal(["rules/B.rules", "rules/a.rules", "rules/b.rules"], sources.Select(s => s.Path));
        Assert.Equal(["B", "a", "b"], sources.Select(s => s.Text));
    }

    [Fact]
    public void FilesAreReadInTheOrderGivenAndOnlyOnce()
    {
        var second = Write("x/second.rules", "2");
        var first = Write("first.rules", "1");

        var sources = RuleSources.Read([first, Path.Combine(_root, "x"), second], _root);

        Assert.Equal(["first.rules", "x/second.rules"], sources.Select(s => s.Path));
    }

    [Fact]
    public void DisplayPathsAreRelativeToTheDisplayBase()
    {
        var file = Write("deep/er/p.rules", "p");

        Assert.Equal("er/p.rules", Assert.Single(RuleSources.Read([file], Path.Combine(_root, "deep"))).Path);
        Assert.Equal("../deep/er/p.rules", Assert.Single(RuleSources.Read([file], Path.Combine(_root, "other"))).Path);
    }

    [Fact]
    public void MissingPathsAreAllNamed()
    {
        Write("ok.rules", "");

        var error = Assert.Throws<RulesException>(() => RuleSources.Read(
            [Path.Combine(_root, "ok.rules"), Path.Combine(_root, "gone.rules"), Path.Combine(_root, "nodir")], _root));

        Assert.Equal(
            ["gone.rules:0:0: no rules file or directory at `gone.rules`", "nodir:0:0: no rules file or directory at `nodir`"],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void SourcesReadFromDiskCompile()
    {
        Write("policy/one.rules", "allow select on testdb;");
        Write("policy/two.rules", "block select on testdb.public.secret;");

        var rules = RulesCompiler.Compile(RuleSources.Read([Path.Combine(_root, "policy")], _root));

        Assert.Equal(2, rules.Count);
    }
}
