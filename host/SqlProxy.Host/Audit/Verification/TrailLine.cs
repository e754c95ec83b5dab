namespace SqlProxy.Host.Audit.Verification;

/// <summary>One stored entry of an audit trail and where it is, for messages (<c>audit.jsonl:12</c>, <c>sqlproxy_audit.records seq 12</c>).</summary>
internal sealed record TrailLine(string Location, string Line);
