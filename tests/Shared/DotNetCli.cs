using System.Diagnostics;
using System.Text;

namespace SqlProxy.Tests.Shared;

/// <summary>
/// Runs the <c>dotnet</c> command line as a plugin author would, with its own NuGet package folder, no build servers
/// left running, no standard input, and a time limit after which the command and its children are killed.
/// Compiled into each test project that builds plugins (linked, not referenced).
/// </summary>
internal sealed class DotNetCli(string workingDirectory, string nugetPackages)
{
    /// <summary>Runs <c>dotnet</c> with the arguments; throws with its output when it fails or times out.</summary>
    public async Task RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // `dotnet test` leaves MSBuild's own variables in the test host's environment; a nested build must not see them.
        foreach (var name in info.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        // A package folder of its own: the SDK packed by the test never lands in (or comes from) the user's cache.
        info.Environment["NUGET_PACKAGES"] = nugetPackages;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` took longer than {timeout}:\n{Text(output)}");
        }

        await process.WaitForExitAsync(); // the redirected output is complete only now

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{Text(output)}");
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
