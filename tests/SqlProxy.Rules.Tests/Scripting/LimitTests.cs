using System.Diagnostics;
using SqlProxy.Rules.Scripting;
using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>
/// A hostile hook costs one bounded failure: the call fails with a sentence, within a bounded time, and the host (and
/// this test process) goes on answering.
/// </summary>
public class LimitTests
{
    const string Script = """
        function fine() { return true; }
        function spin() { for (;;) {} }
        function fill() { return new Array(1e9).fill(0).length > 0; }
        function double() { let s = 'x'; for (;;) s += s; }
        function hoard() { const all = []; for (;;) all.push(new Array(10000).fill(all.length)); }
        function down(n) { return down(n + 1) + 1; }
        function ping(n) { return pong(n + 1); }
        function pong(n) { return ping(n + 1); }
        function getter() { const o = { get x() { return this.x; } }; return o.x; }
        function redos() { return /^(a+)+$/.test('a'.repeat(40) + '!'); }
        function later() { Promise.resolve().then(() => { for (;;) {} }); return true; }
        """;

    [Theory]
    [InlineData("spin", "hook `spin` ran more than 10,000 statements")]
    [InlineData("fill", "hook `fill` allocated more than 4 MiB")]
    [InlineData("double", "hook `double` allocated more than 4 MiB")]
    [InlineData("hoard", "hook `hoard` allocated more than 4 MiB")]
    [InlineData("down", "hook `down` recursed deeper than 64 calls")]
    [InlineData("ping", "hook `ping` recursed deeper than 64 calls")]
    public void AHostileHookFailsWithinABoundAndTheHostGoesOn(string hook, string expected)
    {
        var host = Prepare(Script);

        Assert.Equal(expected, WithinBound(() => Failure(host.Get(hook), 0)));
        Assert.True(host.Get("fine").Invoke([]));
    }

    [Fact]
    public void ALoopIsStoppedByTheTimeWhenTheStatementLimitIsFarAway()
    {
        var limits = ScriptLimits.Default with { MaxStatements = 1_000_000_000 };
        var host = Prepare(Script, limits);

        Assert.Equal("hook `spin` ran longer than 50 ms", WithinBound(() => Failure(host.Get("spin"))));
        Assert.True(host.Get("fine").Invoke([]));
    }

    [Fact]
    public void ARegularExpressionIsStoppedByTheTimeLimit()
    {
        var redos = Function(Script, "redos", ScriptLimits.Default with { Timeout = TimeSpan.FromMilliseconds(200) });

        Assert.Equal("hook `redos` ran a regular expression for longer than 200 ms", WithinBound(() => Failure(redos)));
    }

    [Fact]
    public void ARecursionTheDepthLimitDoesNotCountMeetsTheStackGuard()
    {
        var getter = Function(Script, "getter", Patient with { MaxRecursionDepth = 1_000_000, MaxStatements = 100_000_000 });

        Assert.StartsWith("hook `getter` threw `RangeError: Maximum call stack size exceeded`", WithinBound(() => Failure(getter)));
    }

    [Fact]
    public void WorkLeftInAPromiseIsDroppedNotRunByTheNextCall()
    {
        var host = Prepare(Script);

        Assert.True(host.Get("later").Invoke([]));
        Assert.True(host.Get("fine").Invoke([]));
    }

    [Fact]
    public void EachCallHasTheWholeBudgetAgain()
    {
        // Each call runs about 3,000 statements and allocates about 100 KB: a thousand calls are far past what one
        // call may use, and so are two seconds of them. (A second per call, as a busy machine may stretch one.)
        var limits = ScriptLimits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        var busy = Function("function busy(n) { const a = []; for (let i = 0; i < n; i++) a.push('item ' + i); return a.length === n; }", "busy", limits);

        var clock = Stopwatch.StartNew();
        for (var calls = 0; calls < 1_000 || clock.Elapsed < 2 * limits.Timeout; calls++)
            Assert.True(busy.Invoke([1_000]));
    }
}
