namespace SqlProxy.Host.Http;

/// <summary>
/// An endpoint's examples for the OpenAPI document, attached as endpoint metadata: the request body (JSON text) and one
/// response body per status code (JSON, or plain text for a <c>text/plain</c> answer). <see cref="RequiresKey"/> puts the
/// Bearer security requirement on the operation.
/// </summary>
internal sealed record OpenApiExamples(bool RequiresKey, string? Request, IReadOnlyDictionary<int, string> Responses);

/// <summary>The examples of every documented endpoint.</summary>
internal static class ApiExamples
{
    public static readonly OpenApiExamples Query = new(true,
        """{"database": "testdb", "sql": "SELECT id, email FROM customers LIMIT 2"}""",
        new Dictionary<int, string>
        {
            [200] = """{"success": true, "audit_id": "0196f0c2a1b27c4d9e8f0a1b2c3d4e5f", "request_id": "3f2a9c", "data": {"columns": ["id", "email"], "column_types": ["integer", "text"], "rows": [[1, "a***@example.com"], [2, "b***@example.com"]], "row_count": 2, "rows_affected": 0, "truncated": false}, "classifications": {"email": "PII.Email"}, "masked_columns": ["email"], "masks": [], "blocked_columns": [], "error_code": null, "error_message": null, "error_position": null, "execution_time_us": 1840, "analysis": null, "decision": {"verdict": "ALLOW", "rule": "rules/analysts.rules:12", "rule_name": null, "reason": "analysts read customers", "rules_version": "3c9a1f0e"}, "row_limit": null, "explain": null}""",
            [403] = """{"success": false, "audit_id": "0196f0c2a1b27c4d9e8f0a1b2c3d4e60", "request_id": "3f2a9d", "data": null, "classifications": {}, "masked_columns": [], "masks": [], "blocked_columns": [], "error_code": "POLICY_BLOCKED", "error_message": "nobody deletes customers", "error_position": null, "execution_time_us": 410, "analysis": null, "decision": {"verdict": "BLOCK", "rule": "rules/base.rules:4", "rule_name": null, "reason": "nobody deletes customers", "rules_version": "3c9a1f0e"}, "row_limit": null, "explain": null}""",
            [401] = """{"success": false, "audit_id": "0196f0c2a1b27c4d9e8f0a1b2c3d4e62", "request_id": "3f2a9f", "data": null, "classifications": {}, "masked_columns": [], "masks": [], "blocked_columns": [], "error_code": "UNAUTHENTICATED", "error_message": "a valid API key is required: send `Authorization: Bearer <key>`", "error_position": null, "execution_time_us": 35, "analysis": null, "decision": null, "row_limit": null, "explain": null}""",
        });

    public static readonly OpenApiExamples DryRun = new(true,
        """{"database": "testdb", "sql": "DELETE FROM customers"}""",
        new Dictionary<int, string>
        {
            [200] = """{"success": false, "audit_id": "0196f0c2a1b27c4d9e8f0a1b2c3d4e61", "request_id": "3f2a9e", "data": null, "classifications": {}, "masked_columns": [], "masks": [], "blocked_columns": [], "error_code": "POLICY_BLOCKED", "error_message": "nobody deletes customers", "error_position": null, "execution_time_us": 520, "analysis": null, "decision": {"verdict": "BLOCK", "rule": "rules/base.rules:4", "rule_name": null, "reason": "nobody deletes customers", "rules_version": "3c9a1f0e"}, "row_limit": null, "explain": {"statements": []}}""",
        });

    public static readonly OpenApiExamples RulesReload = new(true, null, new Dictionary<int, string>
    {
        [200] = """{"success": true, "version": "7d41c2aa", "previous_version": "3c9a1f0e", "rules": 14, "error_code": null, "error_message": null, "errors": [], "warnings": []}""",
        [422] = """{"success": false, "version": "3c9a1f0e", "previous_version": "3c9a1f0e", "rules": 14, "error_code": "RULES_INVALID", "error_message": "the rules were refused; version 3c9a1f0e keeps serving", "errors": ["rules/base.rules:7:12: expected a table name"], "warnings": []}""",
        [403] = """{"success": false, "version": null, "previous_version": null, "rules": 0, "error_code": "FORBIDDEN", "error_message": "reloading rules needs the role `admin`", "errors": [], "warnings": []}""",
    });

    public static readonly OpenApiExamples ConfigReload = new(true, null, new Dictionary<int, string>
    {
        [200] = """{"success": true, "applied": ["users", "limits.requests_per_second_per_user"], "restart_required": ["databases[0].max_rows"], "error_code": null, "error_message": null, "errors": []}""",
        [422] = """{"success": false, "applied": [], "restart_required": [], "error_code": "CONFIG_INVALID", "error_message": "the configuration was refused; the configuration in force keeps serving", "errors": ["users[2].api_key_sha256: must be 64 hexadecimal characters (the SHA-256 of the key, e.g. from `printf %s KEY | sha256sum`)"]}""",
        [403] = """{"success": false, "applied": [], "restart_required": [], "error_code": "FORBIDDEN", "error_message": "reloading the configuration needs the admin token or the role `admin`", "errors": []}""",
    });

    public static readonly OpenApiExamples Plugins = new(true, null, new Dictionary<int, string>
    {
        [200] = """{"success": true, "directory": "/etc/sqlproxy/plugins", "builtin_directory": "/opt/sqlproxy/plugins", "plugins": [{"name": "audit_file", "version": "1.2.0", "kinds": ["audit_sink"], "source": "builtin", "folder": "audit_file", "loaded_at": "2026-01-05T09:30:00+00:00", "state": "loaded"}], "failures": []}""",
        [403] = """{"success": false, "error_code": "FORBIDDEN", "error_message": "listing plugins needs the role `admin`"}""",
    });

    public static readonly OpenApiExamples PluginsReload = new(true, null, new Dictionary<int, string>
    {
        [200] = Plugins.Responses[200],
        [422] = """{"success": false, "error_code": "PLUGINS_REFUSED", "error_message": "the reloaded plugins were refused; the plugins in force keep serving", "errors": ["no loaded plugin has an audit sink"], "failures": [], "serving": {"success": true, "directory": null, "builtin_directory": "/opt/sqlproxy/plugins", "plugins": [], "failures": []}}""",
    });

    public static readonly OpenApiExamples AuditSearch = new(true, null, new Dictionary<int, string>
    {
        [200] = """{"records": [{"audit_id": "0196f0c2a1b27c4d9e8f0a1b2c3d4e5f", "request_id": "3f2a9c", "user": "analyst", "database": "testdb", "decision": "ALLOW", "seq": 42}], "next_before_seq": 42}""",
        [404] = """{"success": false, "error_code": "AUDIT_QUERY_UNAVAILABLE", "error_message": "the audit query API reads the table of the audit_postgres plugin: set [plugins.audit_postgres] connection_string"}""",
    });

    public static readonly OpenApiExamples AuditStats = new(true, null, new Dictionary<int, string>
    {
        [200] = """{"from": "2026-01-04T10:00:00Z", "to": "2026-01-05T10:00:00Z", "total": 127, "by_decision": [{"decision": "ALLOW", "count": 120}, {"decision": "BLOCK", "count": 7}], "by_user": [{"user": "analyst", "count": 100}, {"user": "app", "count": 27}], "by_table": [{"table": "testdb.public.customers", "count": 90}], "by_hour": [{"hour": "2026-01-05T09:00:00Z", "count": 127}]}""",
        [400] = """{"success": false, "error_code": "BAD_PARAMETER", "error_message": "`decision` must be ALLOW or BLOCK"}""",
    });

    public static readonly OpenApiExamples Health = new(false, null, new Dictionary<int, string>
    {
        [200] = """{"status": "serving"}""",
        [503] = """{"status": "unavailable", "components": {"database:testdb": {"status": "down", "detail": "127.0.0.1:5432/testdb: Connection refused"}, "audit_sink:audit_file/file": {"status": "ok"}, "host": {"status": "ok"}, "plugins": {"status": "ok", "detail": "4 plugins, 1 audit sinks", "count": 4}, "rules": {"status": "ok", "version": "3c9a1f0e", "count": 14}}}""",
        [400] = """{"success": false, "error_code": "BAD_PARAMETER", "error_message": "`level` must be one of shallow, readiness, deep, not `full`"}""",
    });

    public static readonly string Metrics = """
        # HELP sqlproxy_http_requests_total HTTP requests answered, by route pattern, method and status code.
        # TYPE sqlproxy_http_requests_total counter
        sqlproxy_http_requests_total{endpoint="/api/v1/query",method="POST",status="200"} 12
        """;
}
