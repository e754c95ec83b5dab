namespace SqlProxy.Host.Audit.Verification;

/// <summary>An audit trail could not be read (missing file, unreachable database, no such table); the message says which.</summary>
internal sealed class AuditTrailException(string message, Exception? inner = null) : Exception(message, inner);
