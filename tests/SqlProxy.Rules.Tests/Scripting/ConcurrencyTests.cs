using System.Collections.Concurrent;
using System.Diagnostics;
using SqlProxy.Rules.Runtime;
using SqlProxy.Rules.Scripting;
using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>Many request threads call hooks at once.</summary>
public class ConcurrencyTests
{
    const string Script = """
        const services = ['svc_reports', 'svc_backup'];
        function isTrusted(name, roles) { return services.includes(name) || roles.includes('admin'); }
        function spin() { for (;;) {} }
        function fail(name) { throw new Error('no ' + name); }
        """;

    [Fact]
    public void EightThreadsOfFiveHundredCallsAllGetTheirOwnAnswer()
    {
        var host = Prepare(Script);
        var (isTrusted, spin, fail) = (host.Get("isTrusted"), host.Get("spin"), host.Get("fail"));
        var wrong = new ConcurrentBag<string>();

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var name = (t + i) % 3 == 0 ? "svc_reports" : $"user{t}_{i}";
                var roles = i % 5 == 0 ? new[] { "reader", "admin" } : ["reader"];
                var expected = name == "svc_reports" || i % 5 == 0;
                if (isTrusted.Invoke([name, roles]) != expected)
                    wrong.Add($"{name} [{string.Join(", ", roles)}]");
                // Now and then a call fails, and its engine is reset or discarded while others run.
                if (i % 50 == t)
                    Failures(t % 2 == 0 ? spin : fail, name, wrong);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(wrong);
    }

    [Fact]
    public void AWarmCallCostsMicrosecondsNotARunOfTheScript()
    {
        // Top-level code of about 60,000 statements: were it run again for each call, 10,000 calls would take far longer.
        var hook = Function("const table = [];\nfor (let i = 0; i < 20000; i++) table.push('svc_' + i);\nconst known = new Set(table);\nfunction isKnown(name) { return known.has(name); }", "isKnown", Patient with { MaxStatements = 1_000_000, MemoryBytes = 64 * 1024 * 1024 });
        hook.Invoke(["svc_1"]);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
            Assert.True(hook.Invoke(["svc_7"]));

        Assert.True(clock.Elapsed < Bounded, $"10,000 calls took {clock.Elapsed}");
    }

    static void Failures(ScriptFunction hook, string name, ConcurrentBag<string> wrong)
    {
        try
        {
            hook.Invoke([name]);
            wrong.Add($"{hook.Name} did not fail");
        }
        catch (RuleEvaluationException)
        {
        }
    }
}
