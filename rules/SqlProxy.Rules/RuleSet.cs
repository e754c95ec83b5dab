using System.Security.Cryptography;
using System.Text;
using SqlProxy.Rules.Runtime;
using SqlProxy.Sdk;

namespace SqlProxy.Rules;

/// <summary>An immutable, compiled, indexed set of rules.</summary>
public sealed class RuleSet
{
    readonly RuleBook _book;

    internal RuleSet(string version, IReadOnlyList<CompiledRule> rules)
    {
        Version = version;
        Rules = rules;
        _book = new RuleBook(rules);
    }

    /// <summary>A rule set with no rules: it denies everything.</summary>
    public static RuleSet Empty { get; } = new(VersionOf([]), []);

    /// <summary>
    /// Content hash of the sources' texts in order (hex, 12 characters), paths left out so that the same rules read from
    /// anywhere have the same version: the version every audit record carries.
    /// </summary>
    public string Version { get; }

    /// <summary>The number of rules.</summary>
    public int Count => Rules.Count;

    internal IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>What compiling found that does not stop the rules from working (never-true conditions, rules that never decide).</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; init; } = [];

    /// <summary>Judges one statement like <see cref="Decide"/>, and records every rule consulted on the way (slower: for dry runs and rule tests).</summary>
    /// <param name="request">Who asks, and for which database.</param>
    /// <param name="statement">What the statement does.</param>
    /// <returns>The decision and its trace.</returns>
    public Explanation Explain(RequestInfo request, StatementAnalysis statement)
    {
        var trace = new JudgeTrace();
        try
        {
            var decision = new StatementJudge(_book, request, statement, trace).Decide(out var deciding);
            return new Explanation(decision, trace.Finish(deciding));
        }
        catch (Exception e)
        {
            return new Explanation(new Decision(Verdict.Block, null, Reasons.Unjudged(e.Message), []), trace.Finish(null));
        }
    }

    /// <summary>Judges one statement for one request. Never throws for any statement.</summary>
    /// <param name="request">Who asks, and for which database.</param>
    /// <param name="statement">What the statement does.</param>
    /// <returns>The decision; anything that goes wrong while judging blocks, and the reason says so.</returns>
    public Decision Decide(RequestInfo request, StatementAnalysis statement)
    {
        try
        {
            return new StatementJudge(_book, request, statement).Decide(out _);
        }
        catch (Exception e)
        {
            return new Decision(Verdict.Block, null, Reasons.Unjudged(e.Message), []);
        }
    }

    internal static string VersionOf(IEnumerable<RuleSource> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            // The separator keeps ("ab", "c") and ("a", "bc") apart.
            hash.AppendData(Encoding.UTF8.GetBytes(source.Text));
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
