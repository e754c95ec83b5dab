using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>
/// The plugin <c>audit_webhook</c>: a <see cref="WebhookAuditSink"/> posting batches of records as NDJSON to the
/// setting <c>url</c> (see <see cref="WebhookSettings"/> for the others). Without <c>url</c> it contributes no sink.
/// </summary>
public sealed class AuditWebhookPlugin : IPlugin
{
    /// <inheritdoc />
    public string Name => "audit_webhook";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names its key and never shows the authorization.</exception>
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var webhook = WebhookSettings.Read(settings);
        return ValueTask.FromResult(webhook is null ? new PluginExtensions() : new PluginExtensions { AuditSinks = [new WebhookAuditSink(webhook)] });
    }
}
