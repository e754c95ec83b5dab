using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary>Prints rule test results: a line per test, and for a failure what was expected, what happened and the decision's trace.</summary>
internal static class RuleTestReport
{
    public static void Write(RuleTestResult result, TextWriter output)
    {
        var test = result.Test;
        output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {test.Path}:{test.Line} {test.Name}");
        if (result.Passed) return;
        foreach (var failure in result.Failures) output.WriteLine("  " + failure);
        if (result.Outcome is not { } outcome) return;
        output.WriteLine(outcome.Trace.Count == 0 ? "  trace: no rule was consulted" : "  trace:");
        foreach (var entry in outcome.Trace) output.WriteLine("    " + Describe(entry));
    }

    /// <summary><c>matched     access.rules:32 allow 'name' for select on testdb.public.t: its conditions hold</c>.</summary>
    public static string Describe(TraceEntry entry)
    {
        var outcome = entry.Outcome switch
        {
            TraceOutcome.Matched => "matched",
            TraceOutcome.NotMatched => "not matched",
            _ => "failed",
        };
        var name = entry.Rule.Name is { } ruleName ? $" '{ruleName}'" : "";
        return $"{outcome,-11} {entry.Rule} {entry.Effect}{name} for {entry.Target}: {entry.Detail}";
    }

    public static string Summary(int passed, int failed) => $"rules test: {passed} passed, {failed} failed.";
}
