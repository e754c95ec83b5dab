using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>The small world generated rules and statements are drawn from, so that they often meet.</summary>
static class Universe
{
    public static readonly string[] Scopes =
    [
        "*", "testdb", "otherdb", "testdb.public", "testdb.s2", "testdb.public.t1", "testdb.public.t2", "testdb.s2.t3",
        "testdb.public.t1.a", "testdb.public.t1.b", "testdb.public.t2.a", "testdb.s2.t3.b", "otherdb.public.t1",
    ];

    public static readonly RelationName[] Relations =
    [
        new("testdb", "public", "t1"), new("testdb", "public", "t2"), new("testdb", "s2", "t3"), new("otherdb", "public", "t1"),
    ];

    public static readonly string[] Columns = ["a", "b", "c", "*"];

    public static readonly StatementKind[] Operations =
        [StatementKind.Select, StatementKind.Insert, StatementKind.Update, StatementKind.Delete, StatementKind.Drop, StatementKind.CreateTable, StatementKind.Set];

    public static readonly Dictionary<string, StatementKind[]> Actions = new()
    {
        ["select"] = [StatementKind.Select],
        ["insert"] = [StatementKind.Insert],
        ["update"] = [StatementKind.Update],
        ["delete"] = [StatementKind.Delete],
        ["drop"] = [StatementKind.Drop],
        ["all"] = Enum.GetValues<StatementKind>(),
        ["write"] = [StatementKind.Insert, StatementKind.Update, StatementKind.Delete, StatementKind.Merge, StatementKind.Truncate, StatementKind.Copy],
        ["ddl"] = Enum.GetValues<StatementKind>().Where(k => StatementKinds.CategoryOf(k) == StatementCategory.Definition).ToArray(),
        ["utility"] = Enum.GetValues<StatementKind>().Where(k => StatementKinds.CategoryOf(k) == StatementCategory.Utility).ToArray(),
    };

    public static readonly string[] Users = ["u1", "u2"];
    public static readonly string[] Roles = ["r1", "r2", "r3"];
    public static readonly string[] Regions = ["north", "east"];

    static string? Region(RequestInfo r) => r.User.Attributes.TryGetValue("region", out var region) ? region : null;

    /// <summary>Conditions as written, and what each means, worked out here without the compiler. None can fail.</summary>
    public static readonly (string Text, Func<RequestInfo, bool> Holds)[] Conditions =
    [
        ("", _ => true),
        (" when user has role 'r1'", r => r.User.Roles.Contains("r1")),
        (" unless user has role 'r2'", r => !r.User.Roles.Contains("r2")),
        (" when user.name == 'u1'", r => r.User.Name == "u1"),
        (" when user.attributes.region in ('north', 'south')", r => Region(r) is "north" or "south"),
        (" when user.attributes.region != 'north'", r => Region(r) != "north"),
        (" when not user has role 'r3' or user.name == 'u2' when request.database == 'testdb'",
            r => (!r.User.Roles.Contains("r3") || r.User.Name == "u2") && r.Database == "testdb"),
    ];
}
