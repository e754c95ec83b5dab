using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>
/// The plugin <c>audit_file</c>: a <see cref="JsonLinesAuditSink"/> appending to the file named by the setting
/// <c>path</c> (required; relative to the host's working directory).
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
    /// <exception cref="InvalidOperationException"><c>path</c> is missing, empty or not a string.</exception>
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        var path = settings.GetString(PathSetting);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"Setting `{PathSetting}` is required: the audit file to append to.");
        }

        return ValueTask.FromResult(new PluginExtensions { AuditSinks = [new JsonLinesAuditSink(path)] });
    }
}
