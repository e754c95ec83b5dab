using SqlProxy.Rules.Scripting;
using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>Which globals of the scripts become hooks.</summary>
public class FunctionDiscoveryTests
{
    [Fact]
    public void EveryKindOfGlobalFunctionIsFoundInOrder()
    {
        var host = Prepare("""
            function declared() { return true; }
            const arrow = (x) => x === 1;
            let expression = function (x) { return !x; };
            var old = function () { return true; };
            async function later() { return true; }
            globalThis.assigned = function () { return true; };
            """);

        Assert.Equal(["declared", "arrow", "expression", "old", "later", "assigned"], host.FunctionNames);
    }

    [Fact]
    public void ValuesAndClassesAreNotHooks()
    {
        var host = Prepare("""
            const limit = 3;
            var table = { a: 1 };
            let names = ['x'];
            class Helper { static check() { return true; } }
            const { picked, other } = { picked: () => true, other: 2 };
            function hook() { return Helper.check() && table.a < limit; }
            """);

        Assert.Equal(["picked", "hook"], host.FunctionNames);
        Assert.False(host.TryGetFunction("Helper", out _));
        Assert.False(host.TryGetFunction("limit", out _));
    }

    [Fact]
    public void AnUnknownNameIsNotFound()
    {
        var host = Prepare("function f() { return true; }");

        Assert.False(host.TryGetFunction("g", out _));
        Assert.False(host.TryGetFunction("F", out _));
        Assert.False(host.TryGetFunction("Object", out _));
    }

    [Fact]
    public void ScriptsShareOneGlobalScope()
    {
        var host = Prepare([
            new RuleSource("helpers.js", "const trusted = ['svc_a', 'svc_b'];\nfunction normalise(name) { return name.trim().toLowerCase(); }"),
            new RuleSource("hooks.js", "function isTrusted(name) { return trusted.includes(normalise(name)); }"),
        ]);

        var isTrusted = host.Get("isTrusted");
        Assert.True(isTrusted.Invoke([" SVC_A "]));
        Assert.False(isTrusted.Invoke(["bob"]));
        Assert.Equal(["normalise", "isTrusted"], host.FunctionNames);
    }

    [Fact]
    public void AFunctionKnowsItsName()
    {
        Assert.Equal("isBusinessHours", Function("function isBusinessHours() { return true; }", "isBusinessHours").Name);
    }
}
