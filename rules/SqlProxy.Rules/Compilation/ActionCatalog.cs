using SqlProxy.Rules.Runtime;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Compilation;

/// <summary>The action words of the language and the statement kinds each stands for.</summary>
static class ActionCatalog
{
    static readonly StatementKind[] AllKinds = Enum.GetValues<StatementKind>();

    static readonly Dictionary<string, ActionSet> ByName = new(StringComparer.Ordinal)
    {
        ["all"] = ActionSet.Of(AllKinds),
        ["select"] = ActionSet.Of([StatementKind.Select]),
        ["insert"] = ActionSet.Of([StatementKind.Insert]),
        ["update"] = ActionSet.Of([StatementKind.Update]),
        ["delete"] = ActionSet.Of([StatementKind.Delete]),
        ["merge"] = ActionSet.Of([StatementKind.Merge]),
        ["truncate"] = ActionSet.Of([StatementKind.Truncate]),
        ["copy"] = ActionSet.Of([StatementKind.Copy]),
        ["write"] = ActionSet.Of([StatementKind.Insert, StatementKind.Update, StatementKind.Delete, StatementKind.Merge, StatementKind.Truncate, StatementKind.Copy]),
        ["ddl"] = ActionSet.Of(AllKinds.Where(kind => StatementKinds.CategoryOf(kind) == StatementCategory.Definition)),
        ["create"] = ActionSet.Of(AllKinds.Where(kind => kind.ToString().StartsWith("Create", StringComparison.Ordinal))),
        ["alter"] = ActionSet.Of([StatementKind.AlterTable, StatementKind.AlterOther]),
        ["drop"] = ActionSet.Of([StatementKind.Drop]),
        ["comment"] = ActionSet.Of([StatementKind.Comment]),
        ["grant"] = ActionSet.Of([StatementKind.Grant]),
        ["revoke"] = ActionSet.Of([StatementKind.Revoke]),
        ["explain"] = ActionSet.Of([StatementKind.Explain]),
        ["utility"] = ActionSet.Of(AllKinds.Where(kind => StatementKinds.CategoryOf(kind) == StatementCategory.Utility)),
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static ActionSet Get(string name) => ByName[name];

    public static bool TryGet(string name, out ActionSet actions) => ByName.TryGetValue(name, out actions);
}
