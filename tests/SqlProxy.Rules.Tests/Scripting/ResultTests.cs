using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>What a hook returns, and what a caller hears when it throws instead.</summary>
public class ResultTests
{
    [Theory]
    [InlineData("return true;", true)]
    [InlineData("return false;", false)]
    [InlineData("return 1 < 2;", true)]
    public void ABooleanIsTheAnswer(string body, bool expected)
    {
        Assert.Equal(expected, Function($"function f() {{ {body} }}", "f").Invoke([]));
    }

    [Theory]
    [InlineData("return 'yes';", "the string `yes`")]
    [InlineData("return 1;", "the number `1`")]
    [InlineData("return NaN;", "the number `NaN`")]
    [InlineData("return 10n;", "the number `10`")]
    [InlineData("", "`undefined`")]
    [InlineData("return null;", "`null`")]
    [InlineData("return {};", "an object")]
    [InlineData("return [true];", "an array")]
    [InlineData("return () => true;", "a function")]
    [InlineData("return Symbol('s');", "a symbol")]
    [InlineData("return new Boolean(true);", "an object")]
    public void AnythingButABooleanFails(string body, string described)
    {
        var failure = Failure(Function($"function f() {{ {body} }}", "f"));

        Assert.Equal($"hook `f` returned {described}, not `true` or `false`", failure);
    }

    [Fact]
    public void AnAsyncHookFails()
    {
        Assert.Equal("hook `f` returned a promise, not `true` or `false`", Failure(Function("async function f() { return true; }", "f")));
    }

    [Fact]
    public void AThrownErrorIsToldWithItsMessageAndPlace()
    {
        var hook = Function("function allow(name) {\n  throw new Error('no access for ' + name);\n}", "allow");

        Assert.Equal("hook `allow` threw `Error: no access for bob` at hooks.js:2:9", Failure(hook, "bob"));
    }

    [Theory]
    [InlineData("return x.y;", "hook `f` threw `TypeError: Cannot read properties of undefined (reading 'y')` at hooks.js:1:26")]
    [InlineData("return missing();", "hook `f` threw `ReferenceError: missing is not defined` at hooks.js:1:24")]
    [InlineData("throw 'plain text';", "hook `f` threw `plain text` at hooks.js:1:23")]
    public void ErrorsOfEveryKindAreTold(string body, string expected)
    {
        Assert.Equal(expected, Failure(Function($"function f(x) {{ {body} }}", "f")));
    }

    [Fact]
    public void ALongMessageIsClipped()
    {
        var failure = Failure(Function("function f() { throw new Error('x'.repeat(500)); }", "f"));

        Assert.Equal($"hook `f` threw `Error: {new string('x', 92)}…` at hooks.js:1:22", failure);
    }

    [Fact]
    public void AHookThatThrewStillAnswersNextTime()
    {
        var hook = Function("function f(fail) { if (fail) throw new Error('asked to'); return true; }", "f");

        Failure(hook, true);

        Assert.True(hook.Invoke([false]));
    }
}
