using System.Runtime.InteropServices;

namespace SqlProxy.Host.Configuration;

/// <summary>
/// Reloads the configuration on SIGHUP, as daemons do (<c>kill -HUP &lt;pid&gt;</c>, <c>systemctl reload</c>). The
/// signal no longer ends the process. Not registered on Windows, which has no SIGHUP of its own.
/// </summary>
internal sealed partial class ConfigReloadSignal(ConfigReloader reloader, ILogger<ConfigReloadSignal> logger) : IHostedService, IDisposable
{
    public const string Trigger = "SIGHUP";

    private PosixSignalRegistration? registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows()) registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        registration?.Dispose();
        registration = null;
    }

    /// <summary>The signal handler: reloads, and keeps the signal's default action (ending the process) from running.</summary>
    internal void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        try
        {
            reloader.Reload(Trigger);
        }
        catch (Exception e)
        {
            // Nothing may escape a signal handler; the reloader reports refusals itself, this is only the unexpected.
            LogFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Error, "Configuration reload on SIGHUP failed; the configuration in force keeps serving")]
    private partial void LogFailed(Exception exception);
}
