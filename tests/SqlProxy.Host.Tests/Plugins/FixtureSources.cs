namespace SqlProxy.Host.Tests.Plugins;

/// <summary>The C# of the fixture plugins <see cref="FixturePlugins"/> builds.</summary>
internal static class FixtureSources
{
    /// <summary>
    /// <c>fixture_good</c>: a classifier labelling columns whose name contains <c>national_id</c> (label from the
    /// setting <c>label</c>) that writes the file named by the setting <c>disposed_marker</c> when disposed; the settings
    /// <c>fail</c> and <c>hang</c> make it throw or never finish.
    /// </summary>
    public const string Good = """
        using SqlProxy.Sdk;

        namespace Fixture.Good;

        public sealed class GoodPlugin : IPlugin
        {
            public string Name => "fixture_good";

            public string Version => "1.2.3";

            public async ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken)
            {
                if (settings.GetBoolean("fail") == true) throw new InvalidOperationException("Setting `fail` is true.");
                if (settings.GetBoolean("hang") == true) await Task.Delay(Timeout.Infinite, CancellationToken.None);
                return new PluginExtensions { Classifiers = [new ColumnNameClassifier(settings.GetString("label") ?? "PII.NationalId", settings.GetString("disposed_marker"))] };
            }
        }

        public sealed class ColumnNameClassifier(string label, string? disposedMarker) : IClassifier, IDisposable
        {
            public void Dispose()
            {
                if (disposedMarker is not null) File.WriteAllText(disposedMarker, "disposed");
            }

            public string Name => "column_name";

            public IReadOnlyList<string> Labels => [label];

            public ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<ColumnClassification>>(result.Columns
                    .Select((column, index) => (column, index))
                    .Where(c => c.column.Name.Contains("national_id"))
                    .Select(c => new ColumnClassification(c.index, label, "column name"))
                    .ToArray());
        }
        """;

    /// <summary>Two IPlugin classes in one assembly.</summary>
    public const string Twins = """
        using SqlProxy.Sdk;

        namespace Fixture.Twins;

        public sealed class First : IPlugin
        {
            public string Name => "first";
            public string Version => "1.0.0";
            public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) => ValueTask.FromResult(PluginExtensions.None);
        }

        public sealed class Second : IPlugin
        {
            public string Name => "second";
            public string Version => "1.0.0";
            public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) => ValueTask.FromResult(PluginExtensions.None);
        }
        """;

    /// <summary>A stand-in SqlProxy.Sdk 2.0: only what the <see cref="FromTheFuture"/> plugin needs.</summary>
    public const string FakeSdk2 = """
        namespace SqlProxy.Sdk;

        public interface IPlugin
        {
            string Name { get; }
        }
        """;

    /// <summary>A plugin built against SqlProxy.Sdk 2.0.</summary>
    public const string FromTheFuture = """
        namespace Fixture.Future;

        public sealed class FuturePlugin : SqlProxy.Sdk.IPlugin
        {
            public string Name => "future";
        }
        """;
}
