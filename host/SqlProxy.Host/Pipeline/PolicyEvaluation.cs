using SqlProxy.Host.Configuration;
using SqlProxy.Host.Plugins;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Pipeline;

/// <summary>
/// Consults the request's policy evaluator plugins on a statement the rules allow. Any block wins and names the
/// plugin (rule <c>plugin:&lt;name&gt;</c>). An evaluator that throws, runs past <c>plugins.call_timeout_ms</c>, or is
/// skipped as faulty fails closed: it blocks.
/// </summary>
internal sealed partial class PolicyEvaluation(PluginsConfig config, ILogger<PolicyEvaluation> logger)
{
    /// <returns>The blocking decision, or null when every evaluator abstains.</returns>
    public async Task<Decision?> BlockAsync(PluginSnapshot? plugins, PolicyInput input, CancellationToken cancellationToken)
    {
        foreach (var evaluator in plugins?.PolicyEvaluators ?? [])
        {
            var plugin = plugins!.OwnerOf(evaluator);
            var reason = await ReasonToBlockAsync(evaluator, plugin, plugins.HealthOf(evaluator), input, cancellationToken);
            if (reason is not null) return new Decision(Verdict.Block, new RuleReference($"plugin:{plugin}", 0, plugin), reason, []);
        }
        return null;
    }

    private async Task<string?> ReasonToBlockAsync(
        IPolicyEvaluator evaluator, string plugin, PluginHealth health, PolicyInput input, CancellationToken cancellationToken)
    {
        var name = PluginFaults.NameOf(() => evaluator.Name);
        if (health.IsFaulty) return $"policy evaluator `{name}` is faulty and was skipped; statements it judges are refused until the plugins are reloaded";
        try
        {
            var verdict = await PluginCall.RunAsync(token => evaluator.EvaluateAsync(input, token), config.CallTimeoutMs, health, cancellationToken)
                ?? throw new InvalidOperationException("it returned null instead of a verdict");
            health.RecordSuccess();
            return verdict.Blocks ? verdict.Reason ?? $"policy evaluator `{name}` blocked the statement" : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(plugin, name, input.Request.RequestId, e.Message);
            if (health.RecordFault()) LogFaulty(plugin, PluginHealth.FaultLimit);
            return $"policy evaluator `{name}` failed: {PluginFaults.Describe(e)}";
        }
    }

    [LoggerMessage(LogLevel.Error, "Policy evaluator {Evaluator} of plugin {Plugin} failed on request {RequestId}; the statement is blocked: {Problem}")]
    private partial void LogFailed(string plugin, string evaluator, string requestId, string problem);

    [LoggerMessage(LogLevel.Error, "Plugin {Plugin} failed {Faults} times in a row and is now faulty: statements its evaluator judges are blocked until the plugins are reloaded")]
    private partial void LogFaulty(string plugin, int faults);
}
