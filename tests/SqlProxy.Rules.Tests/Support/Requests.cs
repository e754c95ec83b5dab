using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Support;

/// <summary>Builds requests for decision tests.</summary>
static class Requests
{
    public static RequestInfo For(string user, params string[] roles) => For(user, roles, []);

    public static RequestInfo For(string user, string[] roles, Dictionary<string, string> attributes, string database = "testdb") =>
        new("req-1", new UserIdentity(user, roles, attributes), database, "127.0.0.1", DateTimeOffset.UnixEpoch);
}
