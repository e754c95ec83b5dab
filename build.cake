// SqlProxy build. Run through ./build.sh (it restores Cake, a local dotnet tool):
//   ./build.sh                          Build (Release)
//   ./build.sh --target=test            build, run every test project, end with `N passed, N failed`
//   ./build.sh --target=demo            build, then run `sqlproxy demo` in the foreground (Ctrl-C stops it)
//   ./build.sh --target=prerequisites   install what the build and the tests need (libpg_query, PostgreSQL)
//   ./build.sh --target=pack            pack the plugin SDK: artifacts/SqlProxy.Sdk.<version>.nupkg
//   ./build.sh --target=plugins         pack, then publish the sample plugins against it: artifacts/plugins/<name>/
//   ./build.sh --target=bench           build, then the end-to-end benchmark (a few minutes): artifacts/bench/report.md
//                                       --bench-duration=15 --bench-clients=8 --bench-sections=micro,load,pipeline
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Xml.Linq;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
const string Solution = "SqlProxy.sln";
const string LibPgQuery = "libpg_query.so.1504.0";
// The sample plugins, built the way a third party builds one (against the packed SDK), and their folders under artifacts/plugins.
var SamplePlugins = new[] { ("samples/plugins/NationalId/NationalId.csproj", "national-id") };
var testResults = Directory("artifacts/test-results");
// Globs skip .git, .sqlproxy (the demo's PostgreSQL data, owned by another OS user) and other hidden folders.
var SkipHidden = new GlobberSettings { Predicate = entry => !entry.Path.Segments.Last().StartsWith(".") || entry.Path.FullPath == "." };

// Printed after Cake's task report, so that it is the last line of the output.
string testSummary = null;
string benchSummary = null;
// Cake's own exit code for a failed task is 1: the test and demo results choose theirs.
var exitCode = 0;

Task("Prerequisites")
    .Description("Installs libpg_query and the PostgreSQL server programs when missing (apt).")
    .Does(() =>
{
    var packages = new List<string>();
    if (HasLibPgQuery()) Information($"libpg_query: {LibPgQuery} found.");
    else packages.Add("libpg-query1504.0");
    if (PostgresBinDirectory() is { } bin) Information($"PostgreSQL server programs: found in {bin}.");
    else packages.Add("postgresql");
    if (packages.Count == 0) return;

    Information($"Missing: {string.Join(", ", packages)}. Installing with apt-get …");
    Apt("update", "-qq");
    if (packages.Remove("postgresql"))
    {
        // The parser is PostgreSQL 15's; prefer the same server. Debian's package would create and start a
        // system-wide cluster on install: the tests and the demo start their own, so ask for none.
        packages.Add(AptHas("postgresql-15") ? "postgresql-15" : "postgresql");
        AsRoot("sh", "-c", "mkdir -p /etc/postgresql-common/createcluster.d && " +
            "echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/sqlproxy.conf");
    }
    if (Apt(new[] { "install", "-y", "-qq", "--no-install-recommends" }.Concat(packages).ToArray()) != 0)
    {
        throw new CakeException($"apt-get install {string.Join(" ", packages)} failed.");
    }
    if (!HasLibPgQuery()) throw new CakeException($"{LibPgQuery} is still missing after installing libpg-query1504.0.");
    if (PostgresBinDirectory() is not { } installed) throw new CakeException("initdb is still missing after installing PostgreSQL.");
    Information($"Installed {string.Join(", ", packages)}: {LibPgQuery} found, PostgreSQL server programs in {installed}.");
});

Task("Build")
    .Description("Builds the solution (Release).")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    DotNetBuild(Solution, new DotNetBuildSettings { Configuration = configuration, NoLogo = true });
});

Task("Test")
    .Description("Builds, runs every test project, and prints `N passed, N failed` last.")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(testResults);
    DeleteDirectories(GetDirectories("./**/TestResults", SkipHidden), new DeleteDirectorySettings { Recursive = true, Force = true });
    var arguments = new ProcessArgumentBuilder()
        .Append("test").Append(Solution).Append("-c").Append(configuration).Append("--no-build").Append("--nologo")
        .Append("--logger").AppendQuoted("trx")
        .Append("--logger").AppendQuoted("console;verbosity=minimal")
        // A hung test must not hold CI until its time limit: the test host is killed and the run fails.
        .Append("--blame-hang-timeout").Append("10m").Append("--blame-hang-dump-type").Append("none");
    var testExitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });

    var trxFiles = GatherTrxFiles();
    var (passed, failed, skipped) = CountTrxResults(trxFiles);
    Information($"{trxFiles.Count} test result file(s) in {testResults}; dotnet test exited with code {testExitCode}.");
    if (testExitCode != 0 && failed == 0) Error("dotnet test failed without a failing test (a test host crashed or hung?): see above.");
    if (passed + failed == 0) Error("No test ran.");

    testSummary = $"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : "");
    if (testExitCode != 0 || failed > 0 || passed + failed == 0) exitCode = 1;
});

Task("Pack")
    .Description("Packs the plugin SDK (sdk/SqlProxy.Sdk, with its XML docs) into artifacts/SqlProxy.Sdk.<version>.nupkg.")
    .Does(() =>
{
    var artifacts = MakeAbsolute(Directory("artifacts"));
    DeleteFiles(GetFiles($"{artifacts}/SqlProxy.Sdk.*.nupkg"));
    DotNetPack("sdk/SqlProxy.Sdk/SqlProxy.Sdk.csproj", new DotNetPackSettings
    {
        Configuration = configuration, OutputDirectory = artifacts, NoLogo = true,
    });
    foreach (var package in GetFiles($"{artifacts}/SqlProxy.Sdk.*.nupkg")) Information($"Packed {package}.");
});

Task("Plugins")
    .Description("Packs the SDK, then publishes each sample plugin (samples/plugins) against the package into artifacts/plugins/<name>/.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var artifacts = MakeAbsolute(Directory("artifacts"));
    // The package's version does not change when the SDK does: a package folder of our own, emptied, so NuGet takes the
    // package just packed rather than a 1.0.0 it cached earlier.
    var packages = artifacts.Combine("plugin-packages");
    CleanDirectory(packages);
    foreach (var (project, folder) in SamplePlugins)
    {
        var output = artifacts.Combine($"plugins/{folder}");
        CleanDirectory(output);
        DotNetPublish(project, new DotNetPublishSettings
        {
            Configuration = configuration, OutputDirectory = output, NoLogo = true,
            EnvironmentVariables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages.FullPath },
        });
        // The host shares its own SqlProxy.Sdk: a private copy would make every cast to the SDK's interfaces fail.
        if (FileExists(output.CombineWithFilePath("SqlProxy.Sdk.dll")))
        {
            throw new CakeException($"{output}/SqlProxy.Sdk.dll: the plugin must reference SqlProxy.Sdk with ExcludeAssets=\"runtime\".");
        }
        Information($"Published {project} to {output}.");
    }
});

Task("Demo")
    .Description("Builds, then runs `sqlproxy demo` in the foreground; Ctrl-C (SIGINT) or SIGTERM stops it cleanly.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var sqlproxy = MakeAbsolute(File($"host/SqlProxy.Host/bin/{configuration}/net10.0/sqlproxy.dll")).FullPath;
    exitCode = RunForwardingSignals("dotnet", sqlproxy,
        "demo", "--config", "samples/sqlproxy.toml", "--scripts", "samples/db", "--data", ".sqlproxy/demo");
    if (exitCode != 0) Error($"sqlproxy demo exited with code {exitCode}.");
});

Task("Bench")
    .Description("Builds, then runs the benchmark report: micro-benchmarks, a load test proxy vs direct, the pipeline without database.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var report = MakeAbsolute(File("artifacts/bench/report.md")).FullPath;
    var benchmarks = MakeAbsolute(File($"tests/SqlProxy.Benchmarks/bin/{configuration}/net10.0/SqlProxy.Benchmarks.dll")).FullPath;
    // Seconds per measured phase and the load test's clients; the defaults keep the whole target within minutes.
    var arguments = new ProcessArgumentBuilder().AppendQuoted(benchmarks).Append("report")
        .Append("--duration").Append(Argument("bench-duration", "15"))
        .Append("--warmup").Append(Argument("bench-warmup", "10"))
        .Append("--clients").Append(Argument("bench-clients", "8"))
        .Append("--sections").Append(Argument("bench-sections", "micro,load,pipeline"))
        .Append("--out").AppendQuoted(report);
    if (FileExists(report)) DeleteFile(report);
    var benchExitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
    if (benchExitCode == 2) throw new CakeException("The bench refused its arguments: see above.");
    if (!FileExists(report)) throw new CakeException($"The bench wrote no report (exit code {benchExitCode}).");
    benchSummary = $"Bench report: {report}";
    if (benchExitCode != 0)
    {
        Error("The bench counted errors (wrong answers or failed requests): see the report.");
        exitCode = 1;
    }
});

Task("Default").IsDependentOn("Build");

RunTarget(target);

if (testSummary is not null) Console.WriteLine(testSummary);
if (benchSummary is not null) Console.WriteLine(benchSummary);
Console.Out.Flush();
if (exitCode != 0) System.Environment.Exit(exitCode);

// ---------------------------------------------------------------------------------------------------------------
// Prerequisites

bool HasLibPgQuery()
{
    var ldconfig = new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.FirstOrDefault(System.IO.File.Exists) ?? "ldconfig";
    var code = StartProcess(ldconfig, new ProcessSettings { Arguments = "-p", RedirectStandardOutput = true, Silent = true },
        out var lines);
    return code == 0 && lines.Any(line => line.Contains(LibPgQuery));
}

// The newest /usr/lib/postgresql/<version>/bin that has initdb (where SqlProxy.PrivatePostgres looks first).
string PostgresBinDirectory() =>
    System.IO.Directory.Exists("/usr/lib/postgresql")
        ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => System.IO.Path.Combine(version, "bin"))
            .Where(bin => System.IO.File.Exists(System.IO.Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => double.TryParse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(bin)),
                System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault()
        : null;

int Apt(params string[] arguments) => AsRoot("apt-get", arguments);

bool AptHas(string package) =>
    StartProcess("apt-cache", new ProcessSettings { Arguments = $"show {package}", RedirectStandardOutput = true, RedirectStandardError = true, Silent = true }) == 0;

// Runs a command as root: directly when this is root, else through `sudo -n`; without sudo, fails with the command to run.
int AsRoot(string program, params string[] arguments)
{
    var command = new[] { "env", "DEBIAN_FRONTEND=noninteractive", program }.Concat(arguments).ToArray();
    if (System.Environment.UserName != "root")
    {
        if (!new[] { "/usr/bin/sudo", "/bin/sudo" }.Any(System.IO.File.Exists))
        {
            throw new CakeException($"Not root and no sudo: run as root `{string.Join(" ", command.Skip(1))}`, then build again.");
        }
        command = new[] { "sudo", "-n" }.Concat(command).ToArray();
    }
    var builder = new ProcessArgumentBuilder();
    foreach (var argument in command.Skip(1)) builder.AppendQuoted(argument);
    Information($"> {string.Join(" ", command)}");
    return StartProcess(command[0], new ProcessSettings { Arguments = builder });
}

// ---------------------------------------------------------------------------------------------------------------
// Test results

// Counts test results by outcome: Passed, NotExecuted (skipped), anything else is a failure.
(int Passed, int Failed, int Skipped) CountTrxResults(IEnumerable<FilePath> trxFiles)
{
    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in trxFiles)
    {
        foreach (var result in XDocument.Load(trx.FullPath).Descendants(ns + "UnitTestResult"))
        {
            switch ((string)result.Attribute("outcome"))
            {
                case "Passed": passed++; break;
                case "NotExecuted": skipped++; break;
                default: failed++; break;
            }
        }
    }
    return (passed, failed, skipped);
}

// Each test project writes its TRX into its own TestResults folder (a shared folder lets two projects that finish
// in the same second race for one file name); they are gathered into artifacts/test-results as <project>.trx.
IReadOnlyList<FilePath> GatherTrxFiles()
{
    var gathered = new List<FilePath>();
    foreach (var trx in GetFiles("./**/TestResults/*.trx", SkipHidden).OrderBy(f => f.FullPath))
    {
        var project = trx.GetDirectory().GetParent().GetDirectoryName();
        var destination = testResults + File($"{project}.trx");
        for (var n = 2; FileExists(destination); n++) destination = testResults + File($"{project}-{n}.trx");
        CopyFile(trx, destination);
        gathered.Add(destination);
    }
    return gathered;
}

// ---------------------------------------------------------------------------------------------------------------
// Demo: a foreground child that stops cleanly on Ctrl-C / SIGTERM

// Runs a child in the foreground with this process's console and environment. SIGINT, SIGTERM and SIGHUP sent to
// Cake are not allowed to kill Cake: each is forwarded to the child (SIGHUP as SIGTERM), and Cake waits for the child
// to finish its shutdown (sqlproxy demo stops its PostgreSQL) and returns its exit code. The child runs in its own
// session (setsid), so a Ctrl-C at the terminal reaches it exactly once: through Cake.
int RunForwardingSignals(string program, params string[] arguments)
{
    var setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(System.IO.File.Exists);
    var info = new ProcessStartInfo(setsid ?? program) { UseShellExecute = false };
    if (setsid is not null) info.ArgumentList.Add(program);
    foreach (var argument in arguments) info.ArgumentList.Add(argument);

    var gate = new object();
    Process child = null;
    string pending = null;
    void Forward(PosixSignalContext context)
    {
        context.Cancel = true;
        var signal = context.Signal == PosixSignal.SIGINT ? "INT" : "TERM";
        lock (gate)
        {
            if (child is null) { pending = signal; return; }
            if (child.HasExited) return;
            Information($"Received SIG{context.Signal.ToString().Substring(3)}: sending SIG{signal} to {program} (pid {child.Id}) and waiting for it to stop …");
            using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {child.Id}") { UseShellExecute = false });
            kill.WaitForExit();
        }
    }
    using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
    using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Forward);

    Information($"> {program} {string.Join(" ", arguments)}");
    lock (gate)
    {
        child = Process.Start(info);
        if (pending is not null) Process.Start("kill", $"-{pending} {child.Id}").WaitForExit();
    }
    child.WaitForExit();
    return child.ExitCode;
}
