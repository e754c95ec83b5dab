using SqlProxy.Host.Configuration;
using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Holds the rule set in force. Requests copy <see cref="Current"/> once at their start, so a later
/// swap (hot reload, next issue) never shows a request half of two rule sets.
/// </summary>
internal sealed class RuleSetProvider
{
    private volatile RuleSet current;

    public RuleSetProvider(RulesConfig config) => current = Load(config);

    public RuleSet Current => current;

    /// <summary>Compiles the configured rules; throws <see cref="RulesException"/> with every problem.</summary>
    public static RuleSet Load(RulesConfig config) =>
        RulesCompiler.Compile(RuleSources.Read(config.Paths, config.DisplayBase));
}
