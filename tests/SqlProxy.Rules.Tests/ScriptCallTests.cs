using SqlProxy.Rules.Scripting;
using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

public class ScriptCallTests
{
    // A cold JIT can make a first call slow; these tests are about wiring, not about the limits.
    static readonly ScriptLimits Patient = ScriptLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };
    static readonly RequestInfo Bob = Requests.For("bob", ["analyst"], new() { ["region"] = "north" });

    static RuleSet Compile(string rules, string script) =>
        RulesCompiler.Compile([new RuleSource("test.rules", "script 'hooks.js';\n" + rules), new RuleSource("hooks.js", script)], Patient);

    static string Problems(string rules, string script)
    {
        RuleSource[] sources = [new("test.rules", rules), new("hooks.js", script)];
        return RulesCompiler.TryCompile(sources, Patient, out _, out var diagnostics)
            ? "(compiled)"
            : string.Join(" ¶ ", diagnostics.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}" + (d.Help is null ? "" : $" (help: {d.Help})")));
    }

    [Fact]
    public void AScriptFunctionDecidesAConditionAndGetsEveryKindOfValue()
    {
        var rules = Compile(
            "allow select on * when js.check(user.name, user.roles, request.database, 3, true, statement.tables, request.weekday, statement.kind, request.time, user.attributes.missing, ('a', 'b'), user has role 'analyst');",
            """
            function check(name, roles, database, three, yes, tables, weekday, kind, time, missing, list, isAnalyst) {
              return name === 'bob' && roles.length === 1 && roles[0] === 'analyst' && database === 'testdb'
                && three === 3 && yes === true && tables.join() === 'public.t' && weekday === 'thu' && kind === 'select'
                && time === 0 && missing === null && list.join() === 'a,b' && isAnalyst === true;
            }
            """);

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("t", "id")).Verdict);
        Assert.Equal(Verdict.Block, rules.Decide(Requests.For("ann", "analyst"), Select("t", "id")).Verdict);
    }

    [Fact]
    public void AFailingHookFailsItsRuleClosed()
    {
        var rules = Compile(
            "allow select on testdb.public.t when js.boom(user.name);\nblock select on testdb.public.u when js.boom(user.name);\nallow select on testdb;",
            "function boom(name) { throw new Error('no access for ' + name); }");

        var allow = rules.Decide(Bob, Select("t", "id"));
        var block = rules.Decide(Bob, Select("u", "id"));

        Assert.Equal(Verdict.Block, allow.Verdict);
        Assert.StartsWith("rule at test.rules:2 could not be evaluated (hook `boom` threw `", allow.Reason);
        Assert.EndsWith("so it does not allow", allow.Reason);
        Assert.Equal(Verdict.Block, block.Verdict);
        Assert.EndsWith("so it blocks", block.Reason);
    }

    [Fact]
    public void AHookThatReturnsANonBooleanFailsAMaskClosed()
    {
        var rules = Compile("allow select on testdb;\nmask testdb.public.t.a with redact when js.maybe();", "function maybe() { return 'yes'; }");

        var decision = rules.Decide(Bob, Select("t", "a"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.StartsWith("the mask rule at test.rules:3 could not be evaluated (hook `maybe` returned", decision.Reason);
    }

    [Fact]
    public void AnUnknownFunctionIsAnErrorAtTheCallWithTheNearestName()
    {
        const string script = "function isTrusted(name) { return true; }\nfunction inRegion(region) { return true; }";

        Assert.Equal(
            "test.rules:1:24: `js.IsTrusted` is not a function of the scripts (help: did you mean `js.isTrusted`?)",
            Problems("allow select on * when js.IsTrusted(user.name);", script));
        Assert.Equal(
            "test.rules:1:24: `js.frobnicate` is not a function of the scripts (help: the scripts define `js.isTrusted`, `js.inRegion`)",
            Problems("allow select on * when js.frobnicate();", script));
        Assert.Equal(
            "test.rules:1:24: `js.isTrusted` is not a function of the scripts (help: declare the script that defines it, e.g. `script 'hooks.js';`)",
            RuleText.Problems("allow select on * when js.isTrusted(user.name);"));
    }

    [Fact]
    public void EveryArgumentOfACallIsChecked()
    {
        Assert.Equal(
            "test.rules:1:33: `user.nmae` is not a property of the user (help: did you mean `user.name`?) ¶ " +
            "test.rules:1:44: `(1, 2)` is a list of numbers, which a script function cannot be given (help: pass a list of strings, e.g. `('1', '2')`)",
            Problems("allow select on * when js.check(user.nmae, (1, 2));", "function check() { return true; }"));
    }

    [Fact]
    public void ProblemsInAScriptAreReportedUnderItsPath()
    {
        var problems = Problems("allow select on *;", "function broken( {");

        Assert.StartsWith("hooks.js:1:", problems);
    }

    [Fact]
    public void ScriptsNeedNotBeDeclaredWhenGivenAsSources()
    {
        var rules = RulesCompiler.Compile([new RuleSource("a.rules", "allow select on * when js.yes();"), new RuleSource("lib/hooks.js", "function yes() { return true; }")], Patient);

        Assert.Equal(Verdict.Allow, rules.Decide(Bob, Select("t", "id")).Verdict);
        Assert.Equal(1, rules.Count);
    }
}
