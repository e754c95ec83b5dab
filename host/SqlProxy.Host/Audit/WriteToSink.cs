using SqlProxy.Sdk;

namespace SqlProxy.Host.Audit;

/// <summary>Hands a batch to the audit sink named by its key (<c>plugin/sink</c>); the host's is <see cref="SinkWriter.WriteAsync"/>.</summary>
/// <returns>Null when the sink took the batch, else what went wrong.</returns>
internal delegate Task<string?> WriteToSink(string key, IReadOnlyList<AuditRecord> batch, CancellationToken cancellationToken);
