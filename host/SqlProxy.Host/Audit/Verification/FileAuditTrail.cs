namespace SqlProxy.Host.Audit.Verification;

/// <summary>Reads the file sink's trail: its rotated files oldest first, then the file itself. (Being written.)</summary>
internal static class FileAuditTrail
{
    public static IEnumerable<TrailLine> Lines(string path) => throw new AuditTrailException("not implemented yet");
}
