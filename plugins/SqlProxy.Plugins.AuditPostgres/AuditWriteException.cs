namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>A batch could not be stored; the message names the table and server, never the connection string.</summary>
public sealed class AuditWriteException(string message, Exception inner) : IOException(message, inner);
