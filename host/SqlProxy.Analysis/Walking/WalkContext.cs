using System.Runtime.CompilerServices;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>The state of one statement's walk and the walkers that share it.</summary>
internal sealed class WalkContext
{
    /// <summary>The column name meaning "every column, unknown which".</summary>
    public const string AllColumns = "*";

    private readonly List<string> notes = [];
    private readonly HashSet<string> noted = [];
    private readonly HashSet<FromItem> readWhole = [];

    public WalkContext(string database, DatabaseSchema schema)
    {
        Names = new RelationNamer(database, schema);
        Expressions = new ExpressionWalker(this);
        Columns = new ColumnResolver(this);
        Targets = new TargetListWalker(this);
        Queries = new QueryWalker(this);
        From = new FromClauseWalker(this);
        With = new WithClauseWalker(this);
        Dml = new DmlWalker(this);
        Utilities = new UtilityWalker(this);
        Statements = new StatementWalker(this);
    }

    public RelationNamer Names { get; }

    public AccessCollector Accesses { get; } = new();

    public IReadOnlyList<string> Notes => notes;

    public ExpressionWalker Expressions { get; }

    public ColumnResolver Columns { get; }

    public TargetListWalker Targets { get; }

    public QueryWalker Queries { get; }

    public FromClauseWalker From { get; }

    public WithClauseWalker With { get; }

    public DmlWalker Dml { get; }

    public UtilityWalker Utilities { get; }

    public StatementWalker Statements { get; }

    public void Note(string note)
    {
        if (noted.Add(note))
        {
            notes.Add(note);
        }
    }

    /// <summary>Whether <paramref name="item"/> is read as a whole for the first time (the safe reading needs it once).</summary>
    public bool FirstWholeRead(FromItem item) => readWhole.Add(item);

    /// <summary>Every recursive step calls this: a tree too deep for the stack ends the walk cleanly.</summary>
    public static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new AnalysisTooDeepException();
        }
    }

    /// <summary>A table named by a RangeVar, as a FROM item; reads are recorded when its columns are used.</summary>
    public TableItem TableItemFor(ParseNode rangeVar)
    {
        var body = ParseTree.BodyOf(rangeVar, "RangeVar");
        var relation = Names.FromRangeVar(body);
        ParseTree.TryGet(body, "alias", out var alias);
        return new TableItem(relation, ParseTree.String(alias, "aliasname"), ParseTree.Strings(alias, "colnames"), Names.ColumnsOf(relation));
    }

    /// <summary>The relation's columns from the schema, or <c>*</c> when unknown.</summary>
    public IReadOnlyList<string> AllColumnsOf(RelationName relation) => Names.ColumnsOf(relation) ?? [AllColumns];

    /// <summary>A utility statement, or a SELECT without any relation, still accesses the database.</summary>
    public void EnsureAnyAccess(StatementKind kind)
    {
        if (Accesses.IsEmpty)
        {
            Accesses.Touch(kind, null);
        }
    }
}
