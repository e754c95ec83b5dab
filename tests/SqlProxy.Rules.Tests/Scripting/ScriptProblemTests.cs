using SqlProxy.Rules.Scripting;
using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>What <see cref="ScriptHost.Prepare"/> reports about scripts that cannot be loaded.</summary>
public class ScriptProblemTests
{
    [Theory]
    [InlineData("function ok() { return true; }\nfunction broken( {\n}", "hooks.js:3:2: unexpected end of input")]
    [InlineData("function f() {\n  return 'open;\n}", "hooks.js:2:10: invalid or unexpected token")]
    [InlineData("const limit = ;", "hooks.js:1:15: unexpected token `;`")]
    [InlineData("function f(o) {\n  with (o) { return x; }\n}", "hooks.js:2:3: strict mode code may not include a with statement (help: hook scripts always run in strict mode)")]
    public void SyntaxErrorsNameTheFileLineAndColumn(string script, string expected)
    {
        Assert.Equal(expected, Problems(script));
    }

    [Fact]
    public void AFunctionDefinedInTwoScriptsIsReportedWhereItIsDefinedAgain()
    {
        var problems = Problems(
            new RuleSource("a.js", "function isTrusted(name) { return true; }"),
            new RuleSource("b.js", "// the same name again\nconst isTrusted = (name) => false;"));

        Assert.Equal("b.js:2:7: `isTrusted` is already defined in `a.js` (help: the hook scripts share one global scope: rename one of them)", problems);
    }

    [Fact]
    public void AFunctionAssignedAgainByAnotherScriptIsReported()
    {
        var problems = Problems(
            new RuleSource("a.js", "function isTrusted(name) { return true; }"),
            new RuleSource("b.js", "globalThis.isTrusted = () => false;"));

        Assert.Equal("b.js:0:0: `isTrusted` is already defined in `a.js` (help: the hook scripts share one global scope: rename one of them)", problems);
    }

    [Fact]
    public void TheFirstDefinitionStaysWhenAScriptDefinesItAgain()
    {
        var problems = new List<RuleDiagnostic>();
        var host = ScriptHost.Prepare(
            [new RuleSource("a.js", "function first() { return true; }"), new RuleSource("b.js", "function first() { return false; }\nfunction second() { return true; }")],
            Patient, problems);

        Assert.Single(problems);
        Assert.True(host.Get("first").Invoke([]));
        Assert.False(host.TryGetFunction("second", out _));
    }

    [Fact]
    public void AScriptGivenTwiceUnderOnePathIsLoadedOnce()
    {
        var script = new RuleSource("hooks.js", "function f() { return true; }");

        var host = Prepare([script, script]);

        Assert.Equal(["f"], host.FunctionNames);
    }

    [Fact]
    public void TopLevelCodeThatThrowsIsReportedWhereItThrew()
    {
        Assert.Equal("hooks.js:2:7: top-level code threw `Error: no configuration`", Problems("function f() { return true; }\nthrow new Error('no configuration');"));
    }

    [Theory]
    [InlineData("while (true) {}", "top-level code ran more than 10,000 statements")]
    [InlineData("for (;;) { let x = 1; }", "top-level code ran more than 10,000 statements")]
    [InlineData("new Array(1e9).fill(0);", "top-level code allocated more than 4 MiB")]
    [InlineData("let s = 'x'; while (true) s += s;", "top-level code allocated more than 4 MiB")]
    [InlineData("function down(n) { return down(n + 1) + 1; }\ndown(0);", "top-level code recursed deeper than 64 calls")]
    public void HostileTopLevelCodeCostsOneBoundedProblem(string script, string expected)
    {
        var problems = WithinBound(() => Problems(script));

        Assert.Equal($"hooks.js:0:0: {expected} (help: top-level code runs as each engine starts, under the hooks' limits: keep it to definitions and small tables)", problems);
    }

    [Fact]
    public void TheOtherScriptsStillLoadWhenOneFails()
    {
        var problems = new List<RuleDiagnostic>();
        var host = ScriptHost.Prepare(
            [new RuleSource("good.js", "function good() { return true; }"), new RuleSource("bad.js", "function bad() { return true; }\nwhile (true) {}")],
            Patient, problems);

        Assert.Single(problems);
        Assert.Equal(["good"], host.FunctionNames);
        Assert.True(host.Get("good").Invoke([]));
    }

    [Fact]
    public void WhatAFailedScriptLeftBehindIsNotTheNextScripts()
    {
        var problems = new List<RuleDiagnostic>();
        var host = ScriptHost.Prepare(
            [new RuleSource("bad.js", "function bad() { return true; }\nthrow new Error('stop');"), new RuleSource("good.js", "function good() { return true; }")],
            Patient, problems);

        Assert.Single(problems);
        Assert.Equal(["good"], host.FunctionNames);
        Assert.True(host.Get("good").Invoke([]));
    }

    [Fact]
    public void NoScriptsMeansTheEmptyHost()
    {
        Assert.Same(ScriptHost.Empty, ScriptHost.Prepare([], ScriptLimits.Default, []));
        Assert.Empty(ScriptHost.Empty.FunctionNames);
        Assert.False(ScriptHost.Empty.TryGetFunction("anything", out _));
    }
}
