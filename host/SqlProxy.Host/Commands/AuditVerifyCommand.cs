using System.CommandLine;
using SqlProxy.Host.Audit.Verification;

namespace SqlProxy.Host.Commands;

/// <summary>
/// <c>sqlproxy audit verify &lt;file or database&gt;</c>: checks an audit trail's hash chain and names the first broken
/// entry. A file is the file sink's <c>path</c> (its rotated files are read first, oldest first) or one rotated file; a
/// database is an Npgsql connection string (<c>Host=…;Database=…</c>) or a <c>postgresql://</c> URI, read from the
/// PostgreSQL sink's table. Exit codes: 0 intact, 1 broken, 2 the trail could not be read.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("trail") { Description = "An audit file, or a PostgreSQL connection string of the PostgreSQL sink's database" };
        var schema = new Option<string>("--schema") { Description = "The PostgreSQL sink's schema", DefaultValueFactory = _ => AuditTable.DefaultSchema };
        var table = new Option<string>("--table") { Description = "The PostgreSQL sink's table", DefaultValueFactory = _ => AuditTable.DefaultTable };
        var command = new Command("verify", "Check an audit trail's hash chain and name the first broken entry") { target, schema, table };
        command.SetAction(result => Run(result.GetValue(target)!, result.GetValue(schema)!, result.GetValue(table)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string target, string schema, string table, TextWriter output, TextWriter errors)
    {
        ChainVerdict verdict;
        string described;
        try
        {
            if (IsDatabase(target))
            {
                described = $"table {schema}.{table}";
                verdict = ChainVerifier.Verify(PostgresAuditTrail.Lines(target, schema, table));
            }
            else
            {
                described = target;
                verdict = ChainVerifier.Verify(FileAuditTrail.Lines(target));
            }
        }
        catch (AuditTrailException e)
        {
            errors.WriteLine($"cannot read the audit trail: {e.Message}");
            return 2;
        }

        if (!verdict.Intact)
        {
            output.WriteLine($"BROKEN {described}: {verdict.FirstBroken}");
            return 1;
        }
        var from = verdict.Anchor is { } anchor ? $" from entry {anchor} (the entries before it were not given, so its link to them is unchecked)" : "";
        output.WriteLine($"OK {described}: {verdict.Entries} {(verdict.Entries == 1 ? "entry" : "entries")}{from}, every hash and link intact");
        return 0;
    }

    private static bool IsDatabase(string target) =>
        target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || (target.Contains('=') && target.Contains(';') && !File.Exists(target));
}
