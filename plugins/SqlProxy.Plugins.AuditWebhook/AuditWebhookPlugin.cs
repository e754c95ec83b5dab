using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>The plugin <c>audit_webhook</c>: an audit sink posting batches of records as NDJSON. (Being written: no sink yet.)</summary>
public sealed class AuditWebhookPlugin : IPlugin
{
    /// <inheritdoc />
    public string Name => "audit_webhook";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PluginExtensions());
}
