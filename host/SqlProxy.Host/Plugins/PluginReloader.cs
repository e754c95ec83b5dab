using SqlProxy.Host.Metrics;
using SqlProxy.Host.Rules;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// A plugin reload as the endpoint and the directory watch ask for it: under the <see cref="ReloadGate"/> (so rules do
/// not change while the new set is checked against them), refused when <see cref="PluginSetChecks.OnReload"/> objects.
/// </summary>
internal sealed class PluginReloader(PluginCatalog catalog, RuleSetProvider rules, ReloadGate gate, PluginMetrics metrics)
{
    public async Task<PluginReload> ReloadAsync(CancellationToken cancellationToken)
    {
        var reload = await gate.RunAsync(
            () => catalog.ReloadAsync(cancellationToken, candidate => PluginSetChecks.OnReload(candidate, rules)),
            cancellationToken);
        metrics.RecordReload(reload.Swapped);
        return reload;
    }
}
