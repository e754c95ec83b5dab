using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// The plugin <c>audit_file</c>: a <see cref="JsonLinesAuditSink"/> appending a hash-chained trail to the file named by
/// the setting <c>path</c> (a relative path is relative to the host's configuration file), with the settings
/// <c>max_bytes</c>, <c>rotate_every</c>, <c>fsync</c>, <c>fsync_interval_ms</c> and <c>file_mode</c>
/// (see <see cref="AuditFileOptions"/>). Without <c>path</c> it contributes no sink: the host then refuses to start for
/// want of one, and says where to set it.
/// </summary>
public sealed class AuditFilePlugin : IPlugin
{
    /// <summary>The setting naming the audit file.</summary>
    public const string PathSetting = "path";

    /// <inheritdoc />
    public string Name => "audit_file";

    /// <inheritdoc />
    public string Version => "1.1.0";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names its key and the values allowed.</exception>
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var options = AuditFileOptions.From(settings);
        return ValueTask.FromResult(options is null ? new PluginExtensions() : new PluginExtensions { AuditSinks = [new JsonLinesAuditSink(options)] });
    }
}
