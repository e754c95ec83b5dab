namespace SqlProxy.Host.Tests.Support;

/// <summary>The demo API keys whose hashes samples/sqlproxy.toml holds.</summary>
internal static class DemoKeys
{
    public const string Admin = "sk-admin-demo-key";
    public const string Analyst = "sk-analyst-demo-key";
    public const string Developer = "sk-developer-demo-key";
    public const string Auditor = "sk-auditor-demo-key";
}
