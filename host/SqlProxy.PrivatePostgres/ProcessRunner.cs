using System.Diagnostics;
using System.Text;

namespace SqlProxy.PrivatePostgres;

/// <summary>Runs a short-lived program to completion, bounded in time, capturing its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(ProcessCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(command) };
        var output = new StringBuilder();
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Could not start `{command.FileName}`: {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Snapshot(output)}");
        }
        return new ProcessResult(command, process.ExitCode, Snapshot(output));
    }

    /// <summary>The start info every child gets: no shell, no inherited stdin, a working directory any user may enter.</summary>
    public static ProcessStartInfo StartInfo(ProcessCommand command)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
