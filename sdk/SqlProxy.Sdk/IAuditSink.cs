namespace SqlProxy.Sdk;

/// <summary>Stores audit records durably.</summary>
public interface IAuditSink
{
    /// <summary>The sink's name, as reported in logs.</summary>
    string Name { get; }

    /// <summary>Stores a batch of records; returns once they are as durable as the sink promises.</summary>
    /// <param name="records">The records, oldest first.</param>
    /// <param name="cancellationToken">Cancelled when the host gives up on the write.</param>
    /// <returns>A task that completes when the batch is stored, or faults when it is not.</returns>
    ValueTask WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);
}
