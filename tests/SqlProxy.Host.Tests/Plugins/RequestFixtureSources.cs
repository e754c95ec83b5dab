namespace SqlProxy.Host.Tests.Plugins;

/// <summary>The C# of the fixture plugins that take part in requests (see <see cref="FixturePlugins"/>).</summary>
internal static class RequestFixtureSources
{
    /// <summary>
    /// <c>labeller</c> <paramref name="version"/>: a classifier labelling every column named <c>region</c> with
    /// <paramref name="label"/>; with the setting <c>fail = true</c> it throws instead. Its maskers: <c>stars</c> (every
    /// value becomes <c>***</c>), <c>boom</c> (throws), <c>stall</c> (blocks for 5 s) and <c>redact</c> (clashes with the built-in).
    /// </summary>
    public static string Labeller(string version, string label) => $$"""
        using SqlProxy.Sdk;

        namespace Fixture.Labeller;

        public sealed class LabellerPlugin : IPlugin
        {
            public string Name => "labeller";

            public string Version => "{{version}}";

            public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
                ValueTask.FromResult(new PluginExtensions
                {
                    Classifiers = [new RegionClassifier(settings.GetBoolean("fail") == true)],
                    Maskers = [new FixtureMasker("stars"), new FixtureMasker("boom"), new FixtureMasker("stall"), new FixtureMasker("redact")],
                });
        }

        public sealed class FixtureMasker(string name) : IMasker
        {
            public string Name => name;

            public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments) => [];

            public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) => name switch
            {
                "boom" => throw new InvalidOperationException($"cannot mask {value}"),
                "stall" => Stall(),
                _ => "***",
            };

            private static object? Stall()
            {
                // Far past the test's timeout, yet finite, so the abandoned call does not hold a thread for the whole run.
                Thread.Sleep(TimeSpan.FromSeconds(5));
                return null;
            }
        }

        public sealed class RegionClassifier(bool fail) : IClassifier
        {
            public string Name => "region";

            public IReadOnlyList<string> Labels => ["{{label}}"];

            public ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken)
            {
                if (fail) throw new InvalidOperationException("the labeller was told to fail");
                return ValueTask.FromResult<IReadOnlyList<ColumnClassification>>(result.Columns
                    .Select((column, index) => (column, index))
                    .Where(c => c.column.Name == "region")
                    .Select(c => new ColumnClassification(c.index, "{{label}}", "column name"))
                    .ToArray());
            }
        }
        """;

    /// <summary>
    /// <c>gatekeeper</c>: a policy evaluator that, by the setting <c>mode</c>, blocks statements reading the table named
    /// by the setting <c>table</c> (<c>block</c>), throws (<c>throw</c>) or never answers, ignoring its token (<c>hang</c>).
    /// </summary>
    public const string Gatekeeper = """
        using SqlProxy.Sdk;

        namespace Fixture.Gatekeeper;

        public sealed class GatekeeperPlugin : IPlugin
        {
            public string Name => "gatekeeper";

            public string Version => "1.0.0";

            public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
                ValueTask.FromResult(new PluginExtensions
                {
                    PolicyEvaluators = [new TableGuard(settings.GetString("mode") ?? "block", settings.GetString("table") ?? "")],
                });
        }

        public sealed class TableGuard(string mode, string table) : IPolicyEvaluator
        {
            public string Name => "table_guard";

            public async ValueTask<PolicyVerdict> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken)
            {
                if (mode == "throw") throw new InvalidOperationException("the guard was told to fail");
                if (mode == "hang") await Task.Delay(Timeout.Infinite, CancellationToken.None);
                return input.Statement.RelationsRead.Any(r => r.Name == table)
                    ? PolicyVerdict.Block($"table `{table}` is closed by the gatekeeper")
                    : PolicyVerdict.Abstain;
            }
        }
        """;

    /// <summary>
    /// <c>flaky_sink</c>: an audit sink that appends each record's audit id to the file named by the setting <c>path</c>,
    /// after failing its first <c>fail_first</c> writes (throwing), or every write when <c>fail_first</c> is negative, and
    /// every write while the file named by <c>fail_while</c> exists.
    /// </summary>
    public const string FlakySink = """
        using SqlProxy.Sdk;

        namespace Fixture.FlakySink;

        public sealed class FlakySinkPlugin : IPlugin
        {
            public string Name => "flaky_sink";

            public string Version => "1.0.0";

            public ValueTask<PluginExtensions> CreateExtensionsAsync(PluginSettings settings, CancellationToken cancellationToken) =>
                ValueTask.FromResult(new PluginExtensions
                {
                    AuditSinks = [new FlakySink(settings.GetPath("path")!, settings.GetInt64("fail_first") ?? 0, settings.GetPath("fail_while"))],
                });
        }

        public sealed class FlakySink(string path, long failFirst, string? failWhile) : IAuditSink
        {
            private long calls;

            public string Name => "flaky";

            public async ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
            {
                var call = Interlocked.Increment(ref calls);
                if (failFirst < 0 || call <= failFirst) throw new IOException($"write {call} refused on purpose");
                if (failWhile is not null && File.Exists(failWhile)) throw new IOException($"write {call} refused while {failWhile} exists");
                await File.AppendAllLinesAsync(path, records.Select(r => r.AuditId), cancellationToken);
            }
        }
        """;
}
