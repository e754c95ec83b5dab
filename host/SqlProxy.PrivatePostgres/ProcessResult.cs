namespace SqlProxy.PrivatePostgres;

/// <summary>How a finished process ended: its exit code and what it printed (stdout and stderr interleaved).</summary>
internal sealed record ProcessResult(ProcessCommand Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws when the process failed, with the command and its output.</summary>
    public ProcessResult EnsureSuccess(string what) => Succeeded
        ? this
        : throw new InvalidOperationException($"{what} failed (exit code {ExitCode}): {Command}{Environment.NewLine}{Output.TrimEnd()}");
}
