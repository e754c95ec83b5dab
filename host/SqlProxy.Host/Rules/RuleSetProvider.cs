using SqlProxy.Host.Configuration;
using SqlProxy.Rules;

namespace SqlProxy.Host.Rules;

/// <summary>
/// Holds the rule set in force. Requests copy <see cref="Current"/> once at their start, so a swap
/// never shows a request half of two rule sets. A reload compiles the files off to the side and
/// swaps only a set that compiled; otherwise the old set keeps serving.
/// </summary>
internal sealed class RuleSetProvider(RulesConfig config, ILogger<RuleSetProvider> logger)
{
    private readonly Lock reloading = new();
    private volatile RuleSet current = Load(config);

    public RuleSet Current => current;

    public RulesConfig Config => config;

    /// <summary>Compiles the configured rules; throws <see cref="RulesException"/> with every problem.</summary>
    public static RuleSet Load(RulesConfig config) =>
        RulesCompiler.Compile(RuleSources.Read(config.Paths, config.DisplayBase));

    /// <summary>Reloads the rules files; reloads are serialised so the last one to finish is the newest text.</summary>
    public RulesReload Reload()
    {
        lock (reloading)
        {
            var previous = current;
            try
            {
                var next = Load(config);
                current = next;
                logger.LogInformation("Rules reloaded: version {Version} ({Count} rules) replaces {Previous}", next.Version, next.Count, previous.Version);
                return new RulesReload(true, next, previous.Version, []);
            }
            catch (RulesException e)
            {
                logger.LogError("Rules reload refused, version {Version} keeps serving: {Errors}", previous.Version, e.Diagnostics.Select(d => d.ToString()));
                return new RulesReload(false, previous, previous.Version, e.Diagnostics);
            }
        }
    }
}
