using System.Reflection;
using SqlProxy.Plugins.AuditFile;
using SqlProxy.Plugins.Classifiers;
using SqlProxy.Plugins.Maskers;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Entry;

/// <summary>Each built-in plugin assembly declares itself as a loader will find it: one public <see cref="IPlugin"/> with a parameterless constructor.</summary>
public sealed class PluginEntryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sqlproxy-plugin-entry-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> Plugins() => new()
    {
        { typeof(PiiPlugin).Assembly.GetName().Name!, "pii" },
        { typeof(MaskersPlugin).Assembly.GetName().Name!, "maskers" },
        { typeof(AuditFilePlugin).Assembly.GetName().Name!, "audit_file" },
    };

    [Theory]
    [MemberData(nameof(Plugins))]
    public void The_assembly_has_one_public_plugin_with_a_parameterless_constructor(string assembly, string name)
    {
        var entries = Assembly.Load(assembly).GetExportedTypes()
            .Where(type => typeof(IPlugin).IsAssignableFrom(type) && !type.IsAbstract)
            .ToArray();

        var entry = Assert.Single(entries);
        var plugin = (IPlugin)Activator.CreateInstance(entry)!;
        Assert.Equal(name, plugin.Name);
        Assert.True(System.Version.TryParse(plugin.Version, out _), plugin.Version);
    }

    [Fact]
    public async Task The_pii_plugin_gives_the_pii_classifier()
    {
        var extensions = await new PiiPlugin().CreateExtensionsAsync(PluginSettings.Empty, CancellationToken.None);

        Assert.IsType<PiiClassifier>(Assert.Single(extensions.Classifiers));
        Assert.Empty(extensions.Maskers);
    }

    [Fact]
    public void The_pii_classifier_declares_every_label_it_gives()
    {
        var constants = typeof(PiiLabels).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!);

        Assert.Equal(constants.Order(), new PiiClassifier().Labels.Order());
    }

    [Fact]
    public async Task The_maskers_plugin_always_names_hash_but_hashes_only_with_a_key()
    {
        var without = await new MaskersPlugin().CreateExtensionsAsync(PluginSettings.Empty, CancellationToken.None);
        var with = await new MaskersPlugin().CreateExtensionsAsync(
            new PluginSettings(new Dictionary<string, object> { ["hash_key"] = new string('k', 32) }), CancellationToken.None);
        var noArguments = new Dictionary<string, string>();

        Assert.Equal(["email_domain", "hash", "null", "partial", "redact"], without.Maskers.Select(m => m.Name).Order());
        Assert.Equal(["email_domain", "hash", "null", "partial", "redact"], with.Maskers.Select(m => m.Name).Order());
        var unkeyed = without.Maskers.Single(m => m.Name == "hash");
        Assert.Equal(["`length` must be a whole number from 8 to 64, not `7`."], unkeyed.ValidateArguments(new Dictionary<string, string> { ["length"] = "7" }));
        Assert.Null(unkeyed.Mask(null, noArguments));
        Assert.Throws<InvalidOperationException>(() => unkeyed.Mask("x", noArguments));
        Assert.Matches("^[0-9a-f]{16}$", (string?)with.Maskers.Single(m => m.Name == "hash").Mask("x", noArguments));
    }

    [Fact]
    public async Task A_short_hash_key_is_refused_by_name()
    {
        var settings = new PluginSettings(new Dictionary<string, object> { ["hash_key"] = "short" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new MaskersPlugin().CreateExtensionsAsync(settings, CancellationToken.None).AsTask());

        Assert.Equal($"Setting `hash_key` must be at least {HashMasker.MinKeyLength} bytes long, not 5.", error.Message);
    }

    [Fact]
    public async Task The_audit_file_plugin_writes_where_its_path_says()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        var settings = new PluginSettings(new Dictionary<string, object> { ["path"] = path });

        var extensions = await new AuditFilePlugin().CreateExtensionsAsync(settings, CancellationToken.None);

        var sink = Assert.IsType<JsonLinesAuditSink>(Assert.Single(extensions.AuditSinks));
        await sink.DisposeAsync();
        Assert.Equal(path, sink.Path);
    }

    [Fact]
    public async Task Without_a_path_the_audit_file_plugin_contributes_no_sink()
    {
        var extensions = await new AuditFilePlugin().CreateExtensionsAsync(PluginSettings.Empty, CancellationToken.None);

        Assert.Empty(extensions.AuditSinks);
    }

    [Fact]
    public async Task The_audit_file_path_is_relative_to_the_configuration_file()
    {
        var settings = new PluginSettings(new Dictionary<string, object> { ["path"] = "a/audit.jsonl" }) { BaseDirectory = _directory };

        var extensions = await new AuditFilePlugin().CreateExtensionsAsync(settings, CancellationToken.None);

        var sink = Assert.IsType<JsonLinesAuditSink>(Assert.Single(extensions.AuditSinks));
        await sink.DisposeAsync();
        Assert.Equal(Path.Combine(_directory, "a", "audit.jsonl"), sink.Path);
    }
}
