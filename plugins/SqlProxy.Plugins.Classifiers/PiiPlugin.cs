using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Classifiers;

/// <summary>The plugin <c>pii</c>: the <see cref="PiiClassifier"/>. It has no settings.</summary>
public sealed class PiiPlugin : IPlugin
{
    /// <inheritdoc />
    public string Name => "pii";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PluginExtensions { Classifiers = [new PiiClassifier()] });
}
