using SqlProxy.Sdk;

namespace NationalId;

/// <summary>
/// The plugin <c>national_id</c>: the <see cref="NationalIdClassifier"/> (label <c>PII.NationalId</c>, Dutch BSNs
/// checked by the 11-proof) and the <see cref="NationalIdMasker"/> (<c>mask … with national_id(keep_last = 3)</c>).
/// It has no settings.
/// </summary>
public sealed class NationalIdPlugin : IPlugin
{
    /// <inheritdoc />
    public string Name => "national_id";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PluginExtensions { Classifiers = [new NationalIdClassifier()], Maskers = [new NationalIdMasker()] });
}
