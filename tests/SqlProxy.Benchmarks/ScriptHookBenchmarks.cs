using BenchmarkDotNet.Attributes;
using SqlProxy.Rules;
using SqlProxy.Rules.Scripting;

namespace SqlProxy.Benchmarks;

/// <summary>
/// One call of a JavaScript hook with one string argument, on a warm engine from the pool: converting the argument,
/// the call under the limits, and resetting the engine's global scope. Engines retire every 10,000 calls, so a
/// restart is part of the average.
/// Run: dotnet run -c Release --project tests/SqlProxy.Benchmarks -- --filter '*ScriptHook*'
/// </summary>
[MemoryDiagnoser]
public class ScriptHookBenchmarks
{
    private const string Script = """
        const services = ['svc_reports', 'svc_backup', 'svc_audit'];
        function isTrusted(name) { return name.startsWith('svc_') && services.includes(name); }
        """;

    private readonly object?[] arguments = ["svc_reports"];
    private ScriptFunction isTrusted = null!;

    [GlobalSetup]
    public void Setup()
    {
        var problems = new List<RuleDiagnostic>();
        var host = ScriptHost.Prepare([new RuleSource("hooks.js", Script)], ScriptLimits.Default, problems);
        if (problems.Count > 0 || !host.TryGetFunction("isTrusted", out var function))
            throw new InvalidOperationException(string.Join("\n", problems));
        isTrusted = function;
    }

    [Benchmark]
    public bool Invoke() => isTrusted.Invoke(arguments);
}
