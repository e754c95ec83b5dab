using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// The kind of each PostgreSQL 15 utility statement node that needs no special reading. A node
/// missing here is unknown: <see cref="StatementKind.OtherUtility"/> with a note.
/// </summary>
internal static class UtilityKinds
{
    private static readonly Dictionary<string, StatementKind> Kinds = Build();

    public static bool TryGet(string nodeType, out StatementKind kind) => Kinds.TryGetValue(nodeType, out kind);

    private static Dictionary<string, StatementKind> Build()
    {
        var kinds = new Dictionary<string, StatementKind>
        {
            ["TransactionStmt"] = StatementKind.Transaction,
            ["VariableSetStmt"] = StatementKind.Set,
            ["ConstraintsSetStmt"] = StatementKind.Set,
            ["VariableShowStmt"] = StatementKind.Show,
            ["CallStmt"] = StatementKind.Call,
            ["DoStmt"] = StatementKind.Do,
            ["LockStmt"] = StatementKind.Lock,
            ["VacuumStmt"] = StatementKind.Vacuum,
            ["TruncateStmt"] = StatementKind.Truncate,
            ["CreateStmt"] = StatementKind.CreateTable,
            ["CreateForeignTableStmt"] = StatementKind.CreateTable,
            ["IndexStmt"] = StatementKind.CreateIndex,
            ["CreateSchemaStmt"] = StatementKind.CreateSchema,
            ["CreateSeqStmt"] = StatementKind.CreateSequence,
            ["CreateFunctionStmt"] = StatementKind.CreateFunction,
            ["CreateTrigStmt"] = StatementKind.CreateTrigger,
            ["CreateEventTrigStmt"] = StatementKind.CreateTrigger,
            ["CreateExtensionStmt"] = StatementKind.CreateExtension,
            ["CreateRoleStmt"] = StatementKind.CreateRole,
            ["CreatedbStmt"] = StatementKind.CreateDatabase,
            ["CommentStmt"] = StatementKind.Comment,
        };

        foreach (var create in new[]
        {
            "DefineStmt", "CreateDomainStmt", "CompositeTypeStmt", "CreateEnumStmt", "CreateRangeStmt",
            "CreateConversionStmt", "CreateCastStmt", "CreateOpClassStmt", "CreateOpFamilyStmt",
            "CreateTableSpaceStmt", "CreateFdwStmt", "CreateForeignServerStmt", "CreateUserMappingStmt",
            "ImportForeignSchemaStmt", "CreatePolicyStmt", "CreateTransformStmt", "CreateAmStmt",
            "CreatePublicationStmt", "CreateSubscriptionStmt", "CreateStatsStmt", "CreatePLangStmt", "RuleStmt",
        })
        {
            kinds[create] = StatementKind.CreateOther;
        }

        foreach (var alter in new[]
        {
            "AlterDomainStmt", "AlterDefaultPrivilegesStmt", "AlterFunctionStmt", "RenameStmt", "AlterSeqStmt",
            "AlterRoleStmt", "AlterDatabaseStmt", "AlterDatabaseRefreshCollStmt", "AlterDatabaseSetStmt",
            "AlterRoleSetStmt", "AlterOpFamilyStmt", "AlterObjectDependsStmt", "AlterObjectSchemaStmt",
            "AlterOwnerStmt", "AlterOperatorStmt", "AlterTypeStmt", "AlterEnumStmt", "AlterTSDictionaryStmt",
            "AlterTSConfigurationStmt", "AlterFdwStmt", "AlterForeignServerStmt", "AlterUserMappingStmt",
            "AlterTableSpaceOptionsStmt", "AlterTableMoveAllStmt", "AlterExtensionStmt",
            "AlterExtensionContentsStmt", "AlterEventTrigStmt", "AlterSystemStmt", "AlterPolicyStmt",
            "AlterPublicationStmt", "AlterSubscriptionStmt", "AlterCollationStmt", "AlterStatsStmt",
            "ReassignOwnedStmt", "SecLabelStmt", "ReplicaIdentityStmt",
        })
        {
            kinds[alter] = StatementKind.AlterOther;
        }

        foreach (var drop in new[]
        {
            "DropdbStmt", "DropRoleStmt", "DropTableSpaceStmt", "DropUserMappingStmt", "DropSubscriptionStmt", "DropOwnedStmt",
        })
        {
            kinds[drop] = StatementKind.Drop;
        }

        foreach (var other in new[]
        {
            "ExecuteStmt", "DeallocateStmt", "FetchStmt", "ClosePortalStmt", "ListenStmt", "NotifyStmt",
            "UnlistenStmt", "LoadStmt", "CheckPointStmt", "DiscardStmt", "ClusterStmt", "ReindexStmt",
            "RefreshMatViewStmt",
        })
        {
            kinds[other] = StatementKind.OtherUtility;
        }

        return kinds;
    }
}
