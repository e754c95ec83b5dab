// Replaced by the plugins helper.
using SqlProxy.Sdk;
namespace SqlProxy.Plugins.AuditFile;
/// <summary>Appends audit records as JSON lines to a file (created 0600), flushed to disk per batch.</summary>
public sealed class JsonLinesAuditSink(string path) : IAuditSink, IAsyncDisposable
{
    public string Name => "file";
    public string Path { get; } = path;
    public ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
