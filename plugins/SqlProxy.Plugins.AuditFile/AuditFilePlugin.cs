using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// The plugin <c>audit_file</c>: a <see cref="JsonLinesAuditSink"/> appending to the file named by the setting
/// <c>path</c> (a relative path is relative to the host's configuration file). Without <c>path</c> it contributes no
/// sink: the host then refuses to start for want of one, and says where to set it.
/// </summary>
public sealed class AuditFilePlugin : IPlugin
{
    /// <summary>The setting naming the audit file.</summary>
    public const string PathSetting = "path";

    /// <inheritdoc />
    public string Name => "audit_file";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><c>path</c> is empty or not a string.</exception>
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var path = settings.GetPath(PathSetting);
        return ValueTask.FromResult(path is null ? new PluginExtensions() : new PluginExtensions { AuditSinks = [new JsonLinesAuditSink(path)] });
    }
}
