using SqlProxy.Sdk;

namespace SqlProxy.Plugin;

/// <summary>
/// The plugin's entry: the host finds this class, creates it and asks it for its extensions at every (re)load.
/// </summary>
public sealed class PluginEntry : IPlugin
{
    /// <inheritdoc />
    public string Name => "my_plugin";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var columnName = settings.GetString(ExampleClassifier.ColumnNameSetting) ?? ExampleClassifier.DefaultColumnName;
        return ValueTask.FromResult(new PluginExtensions { Classifiers = [new ExampleClassifier(columnName)] });
    }
}
