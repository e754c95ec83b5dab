using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>What a hook cannot reach.</summary>
public class SandboxTests
{
    [Theory]
    [InlineData("typeof System === 'undefined'")]
    [InlineData("typeof importNamespace === 'undefined'")]
    [InlineData("typeof clrHelper === 'undefined'")]
    [InlineData("typeof host === 'undefined' && typeof require === 'undefined' && typeof process === 'undefined'")]
    [InlineData("typeof Atomics === 'undefined' && typeof SharedArrayBuffer === 'undefined'")]
    [InlineData("typeof Proxy === 'undefined' && typeof ShadowRealm === 'undefined'")]
    [InlineData("typeof WeakRef === 'undefined' && typeof FinalizationRegistry === 'undefined'")]
    [InlineData("(function () { return this; })() === undefined")]
    [InlineData("new Date(0).getHours() === 0 && new Date(0).getTimezoneOffset() === 0")]
    [InlineData("(1234.5).toLocaleString() === '1,234.5'")]
    public void TheSandboxHolds(string condition)
    {
        Assert.True(Function($"function check() {{ return {condition}; }}", "check").Invoke([]));
    }

    [Theory]
    [InlineData("eval('true')")]
    [InlineData("Function('return true')()")]
    [InlineData("(() => {}).constructor('return true')()")]
    public void NoCodeIsMadeFromStrings(string expression)
    {
        var failure = Failure(Function($"function make() {{ return {expression}; }}", "make"));

        Assert.Equal("hook `make` threw `TypeError: String compilation has been disabled in engine options` at hooks.js:1:19", failure);
    }

    [Fact]
    public void AListArgumentIsNoDoorToTheClr()
    {
        var hook = Function("function probe(list) { return list.GetType === undefined && list.Length === undefined && list.constructor === Array; }", "probe");

        Assert.True(hook.Invoke([new[] { "a" }]));
    }

    [Fact]
    public void AnUndeclaredVariableIsAnError()
    {
        var failure = Failure(Function("function sloppy() { leaked = 1; return true; }", "sloppy"));

        Assert.Equal("hook `sloppy` threw `ReferenceError: leaked is not defined` at hooks.js:1:21", failure);
    }
}
