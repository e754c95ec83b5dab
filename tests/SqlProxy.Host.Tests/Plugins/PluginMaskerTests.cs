using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Masking;
using SqlProxy.Rules;
using SqlProxy.Sdk;
using static SqlProxy.Host.Tests.Support.PipelineFixtures;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>Masking with loaded plugins' maskers: the first plugin to offer a name (the built-ins load first) has it, and a fault or a hang redacts.</summary>
public sealed class PluginMaskerTests : IDisposable
{
    private readonly PluginDirectory plugins = new();

    [Fact]
    public async Task A_plugin_masker_masks_a_throwing_or_hanging_one_redacts_and_a_built_in_wins_a_clash()
    {
        await plugins.AddAsync(FixturePlugins.LabellerV1, "labeller");
        await using var catalog = plugins.Catalog(callTimeoutMs: 2000, builtIn: true);
        await catalog.ReloadAsync(CancellationToken.None);
        using var lease = catalog.Acquire();
        var masker = new ResultMasker(NullLogger<ResultMasker>.Instance, 200);
        string[] names = ["a", "b", "c", "d"];
        var result = Result(names, ["x1", "y1", "z1", "w1"]);
        ResultColumn[] columns = [.. names.Select(n => new ResultColumn(n, "text", [Column(n)]))];
        IReadOnlyList<MaskDirective> masks =
            [ColumnMask("a", "stars", 1), ColumnMask("b", "boom", 2), ColumnMask("c", "stall", 3), ColumnMask("d", "redact", 4)];

        var (masked, columnsMasked) = await masker.ApplyAsync(result, columns, new Dictionary<string, IReadOnlyList<string>>(), masks, labelsComplete: true, "req-1", lease.Snapshot);

        Assert.Equal<object?[]>([["***", "[REDACTED]", "[REDACTED]", "[REDACTED]"]], masked.Rows);
        Assert.Equal([false, true, true, false], columnsMasked.Select(c => c.FailedClosed));
    }

    [Fact]
    public async Task Columns_after_a_stalled_masker_are_still_masked_and_only_the_stalled_columns_count_as_faults()
    {
        await plugins.AddAsync(FixturePlugins.LabellerV1, "labeller");
        await using var catalog = plugins.Catalog(callTimeoutMs: 2000, builtIn: true);
        await catalog.ReloadAsync(CancellationToken.None);
        using var lease = catalog.Acquire();
        var masker = new ResultMasker(NullLogger<ResultMasker>.Instance, 200);
        string[] names = ["a", "b", "c", "d", "e"];
        var result = Result(names, ["x1", "y1", "z1", "w1", "v1"], ["x2", "y2", "z2", "w2", "v2"]);
        ResultColumn[] columns = [.. names.Select(n => new ResultColumn(n, "text", [Column(n)]))];
        IReadOnlyList<MaskDirective> masks =
            [ColumnMask("a", "stall", 1), ColumnMask("b", "stars", 2), ColumnMask("c", "stall", 3), ColumnMask("d", "stars", 4), ColumnMask("e", "stall", 5)];

        var (masked, columnsMasked) = await masker.ApplyAsync(result, columns, new Dictionary<string, IReadOnlyList<string>>(), masks, labelsComplete: true, "req-1", lease.Snapshot);

        string[] expected = ["[REDACTED]", "***", "[REDACTED]", "***", "[REDACTED]"];
        Assert.Equal<object?[]>([expected, expected], masked.Rows);
        Assert.Equal([true, false, true, false, true], columnsMasked.Select(c => c.FailedClosed));
        var stars = lease.Snapshot.Maskers.First(m => m.Name == "stars");
        Assert.Equal(3, lease.Snapshot.HealthOf(stars).TotalFaults);
    }

    public void Dispose() => plugins.Dispose();
}
