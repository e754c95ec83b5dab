namespace SqlProxy.Rules.Tests;

public sealed class ScriptSourcesTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("sqlproxy-scripts-").FullName;

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

    [Fact]
    public void DeclaredScriptsAreReadRelativeToTheirFileInDeclarationOrderOnce()
    {
        Write("policy/main.rules", "script 'js/hooks.js';\ninclude 'other.rules';\nscript '../shared.js';\nallow select on * when js.a() and js.b();");
        Write("policy/other.rules", "script '../shared.js';");
        Write("policy/js/hooks.js", "function a() { return true; }");
        Write("shared.js", "function b() { return true; }");

        var sources = Read("policy/main.rules");

        Assert.Equal(["policy/main.rules", "policy/js/hooks.js", "policy/other.rules", "shared.js"], sources.Select(s => s.Path));
        Assert.Equal("function b() { return true; }", sources[^1].Text);
        Assert.Equal(1, RulesCompiler.Compile(sources).Count);
    }

    [Fact]
    public void AMissingScriptIsAnErrorAtItsDeclaration()
    {
        Write("dir/main.rules", "allow select on *;\n  script 'gone.js';");

        var error = Assert.Throws<RulesException>(() => Read("dir/main.rules"));

        Assert.Equal(["dir/main.rules:2:3: no script file at `dir/gone.js`"], error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void AScriptThatIsNotJavaScriptIsLeftToTheCompiler()
    {
        Write("main.rules", "script 'hooks.py';");
        Write("hooks.py", "print('hi')");

        var sources = Read("main.rules");

        Assert.Equal(["main.rules"], sources.Select(s => s.Path));
        Assert.Equal("main.rules:1:1: `hooks.py` is not a JavaScript file\n  help: a script's name ends in `.js`",
            Assert.Single(Assert.Throws<RulesException>(() => RulesCompiler.Compile(sources)).Diagnostics).ToString());
    }

    [Fact]
    public void TheSameRulesReadFromAnotherDirectoryHaveTheSameVersion()
    {
        Write("a/policy.rules", "script 'h.js';\nallow select on * when js.ok();");
        Write("a/h.js", "function ok() { return true; }");
        Write("b/nested/policy.rules", "script 'h.js';\nallow select on * when js.ok();");
        Write("b/nested/h.js", "function ok() { return true; }");

        var first = RulesCompiler.Compile(RuleSources.Read([Path.Combine(_root, "a")], _root)).Version;
        var second = RulesCompiler.Compile(RuleSources.Read([Path.Combine(_root, "b", "nested")], Path.Combine(_root, "b"))).Version;

        Assert.Equal(first, second);
    }
}
