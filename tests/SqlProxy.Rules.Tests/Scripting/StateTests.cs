using SqlProxy.Rules.Scripting;
using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>What a call can leave behind for the next one: as little as the sandbox can manage, and the rest pinned here.</summary>
public class StateTests
{
    [Theory]
    [InlineData("var hits = 0;", "hits++", "hook `f` threw `TypeError` at hooks.js:1:29")]
    [InlineData("", "globalThis.seen = true", "hook `f` threw `TypeError: Cannot assign to read only property 'seen' of Object` at hooks.js:1:16")]
    [InlineData("const cache = {};", "cache.bob = true", "hook `f` threw `TypeError: Cannot assign to read only property 'bob' of Object` at hooks.js:1:33")]
    [InlineData("const roles = ['a'];", "roles.push('b')", "hook `f` threw `TypeError: Cannot assign to read only property '1' of object '#<Object>'` at hooks.js:1:36")]
    [InlineData("", "Array.prototype.evil = 1", "hook `f` threw `TypeError: Cannot assign to read only property 'evil' of Object` at hooks.js:1:16")]
    [InlineData("", "Object.prototype.toString = () => 'x'", "hook `f` threw `TypeError: Cannot assign to read only property 'toString' of Object` at hooks.js:1:16")]
    public void AHookThatChangesSharedStateFailsEveryTime(string topLevel, string change, string expected)
    {
        var hook = Function($"{topLevel}function f() {{ {change}; return true; }}", "f");

        Assert.Equal(expected, Failure(hook));
        Assert.Equal(expected, Failure(hook));
    }

    [Fact]
    public void BuiltInsStayAsTheyWereAfterAnAttemptToChangeThem()
    {
        var host = Prepare("function pollute() { Array.prototype.evil = 1; }\nfunction clean() { return [].evil === undefined && !('evil' in Array.prototype); }");
        Failure(host.Get("pollute"));

        Assert.True(host.Get("clean").Invoke([]));
    }

    [Fact]
    public void ATopLevelLetGetsItsValueBackAfterEachCall()
    {
        var flip = Function("let mode = 'strict';\nfunction flip() { const was = mode; mode = 'lax'; return was === 'strict'; }", "flip");

        for (var i = 0; i < 5; i++)
            Assert.True(flip.Invoke([]));
    }

    [Fact]
    public void StateInAClosureLivesWithItsEngineUntilTheEngineIsRetired()
    {
        // Freezing cannot reach a closure's variables. Such state stays with one engine of the pool (here the only
        // one, as the calls come from one thread) until a limit discards the engine or 10,000 calls retire it.
        var host = Prepare("""
            const next = (() => { let n = 0; return () => ++n; })();
            function count(expected) { return next() === expected; }
            function spin() { for (;;) {} }
            """);
        var count = host.Get("count");

        Assert.True(count.Invoke([1]));
        Assert.True(count.Invoke([2]));
        Failure(host.Get("spin"));
        Assert.True(count.Invoke([1]));
        for (var i = 2; i <= 10_000; i++)
            count.Invoke([i]);
        Assert.True(count.Invoke([1]));
    }

    [Fact]
    public void MemoryHoardedInAClosureIsBoundedByRetiringTheEngine()
    {
        // Each call keeps about 160 KB. An engine is retired once its calls have allocated 16 MiB (16 times the
        // 1 MiB a call may), so no engine ever holds 200 of them, however many calls come.
        var hoard = Function("""
            const keep = (() => { const all = []; return () => all.push(new Array(20000).fill(0)); })();
            function hoard() { return keep() < 200; }
            """, "hoard", Patient with { MemoryBytes = 1024 * 1024 });

        for (var i = 0; i < 1_000; i++)
            Assert.True(hoard.Invoke([]));
    }
}
