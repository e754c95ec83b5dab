using BenchmarkDotNet.Attributes;
using SqlProxy.Host.Pipeline;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>
/// The host's classify and mask stages on a 1,000-row result of (name, e-mail, phone), with the built-in plugins
/// loaded through the plugin catalog. Classification samples <c>classification.sample_rows</c> (100) rows, as the
/// host does; masking masks the e-mail column (label mask, <c>email_domain</c>) and the phone column (<c>partial</c>).
/// </summary>
public class ResultBenchmarks
{
    private HostParts parts = null!;
    private ClassifyStage classify = null!;
    private MaskStage mask = null!;
    private QueryContext classified = null!;

    [GlobalSetup]
    public void Setup()
    {
        parts = HostParts.CreateAsync(rows: 1_000).GetAwaiter().GetResult();
        classify = parts.ClassifyStage();
        mask = parts.MaskStage();
        classified = classify.RunAsync(parts.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult().Context;
        var masked = mask.RunAsync(classified, CancellationToken.None).AsTask().GetAwaiter().GetResult().Context.MaskedColumns;
        // Measure the real work: a benchmark that masks nothing would flatter the host.
        if (masked.Count != 2 || masked.Any(m => m.FailedClosed))
            throw new InvalidOperationException($"expected e-mail and phone masked, got: {string.Join(", ", masked)}");
    }

    [GlobalCleanup]
    public void Cleanup() => parts.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Classify1000Rows() => (await classify.RunAsync(parts.Context, CancellationToken.None)).Context.Classifications.Count;

    [Benchmark]
    public async Task<int> Mask1000Rows() => (await mask.RunAsync(classified, CancellationToken.None)).Context.MaskedColumns.Count;
}
