using System.Diagnostics;
using SqlProxy.Rules.Runtime;
using SqlProxy.Rules.Scripting;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>Prepares hook scripts and calls hooks in tests.</summary>
static class Hooks
{
    public const string Path = "hooks.js";

    /// <summary>
    /// The default limits but for time: tests run in parallel on few cores, where a call can wait longer than 50 ms
    /// for a core. Tests of the time limit set their own.
    /// </summary>
    public static readonly ScriptLimits Patient = ScriptLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>How long a hostile script may take to be stopped: generous, but bounded.</summary>
    public static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    public static ScriptHost Prepare(string text, ScriptLimits? limits = null) => Prepare([new RuleSource(Path, text)], limits);

    /// <summary>Prepares scripts that must load without a problem.</summary>
    public static ScriptHost Prepare(RuleSource[] scripts, ScriptLimits? limits = null)
    {
        var problems = new List<RuleDiagnostic>();
        var host = ScriptHost.Prepare(scripts, limits ?? Patient, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return host;
    }

    /// <summary>A function of a script that must load without a problem.</summary>
    public static ScriptFunction Function(string text, string name, ScriptLimits? limits = null)
    {
        return Prepare(text, limits).Get(name);
    }

    /// <summary>A function the host must have.</summary>
    public static ScriptFunction Get(this ScriptHost host, string name)
    {
        Assert.True(host.TryGetFunction(name, out var function), $"`{name}` was not found");
        return function;
    }

    /// <summary>Every problem on one line each: <c>path:line:column: message (help: …)</c>, joined by <c> ¶ </c>.</summary>
    public static string Problems(params RuleSource[] scripts)
    {
        var problems = new List<RuleDiagnostic>();
        ScriptHost.Prepare(scripts, ScriptLimits.Default, problems);
        return string.Join(" ¶ ", problems.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}" + (d.Help is null ? "" : $" (help: {d.Help})")));
    }

    public static string Problems(string text) => Problems(new RuleSource(Path, text));

    /// <summary>The message of the failure of a call that must fail.</summary>
    public static string Failure(ScriptFunction function, params object?[] arguments) =>
        Assert.Throws<RuleEvaluationException>(() => function.Invoke(arguments)).Message;

    /// <summary>Runs <paramref name="action"/> and checks that it finished within <see cref="Bounded"/>.</summary>
    public static T WithinBound<T>(Func<T> action)
    {
        var clock = Stopwatch.StartNew();
        var result = action();
        Assert.True(clock.Elapsed < Bounded, $"took {clock.Elapsed}");
        return result;
    }
}
