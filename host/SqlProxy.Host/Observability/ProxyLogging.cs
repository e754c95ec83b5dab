using Serilog;
using Serilog.Events;
using Serilog.Core;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using SqlProxy.Host.Configuration;

namespace SqlProxy.Host.Observability;

/// <summary>
/// Builds the proxy's Serilog logger from <c>[server] log_format</c>: <c>text</c> writes readable lines, <c>json</c>
/// one compact JSON event a line (Serilog's CLEF: <c>@t</c>, <c>@mt</c>, <c>@l</c>, <c>@x</c>, then the properties).
/// Both carry the log context, so every line written during a request has its <c>RequestId</c> and <c>TraceId</c>.
/// </summary>
public static class ProxyLogging
{
    /// <summary>The readable line of the <c>text</c> format.</summary>
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>A logger writing to standard output.</summary>
    public static Serilog.ILogger Create(ServerConfig server) => Create(server, output: null);

    /// <summary>A logger writing to <paramref name="output"/>, or to standard output when it is null.</summary>
    public static Serilog.ILogger Create(ServerConfig server, TextWriter? output)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        var json = server.LogFormat == ServerConfig.JsonLogFormat;
        ITextFormatter formatter = json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate);
        configuration = (output, json) switch
        {
            // The console's own template rendering keeps its colours for people reading a terminal.
            (null, false) => configuration.WriteTo.Console(outputTemplate: TextTemplate),
            (null, true) => configuration.WriteTo.Console(formatter),
            _ => configuration.WriteTo.Sink(new TextWriterSink(formatter, output)),
        };
        return configuration.CreateLogger();
    }

    /// <summary>Writes each event to a writer, one at a time.</summary>
    private sealed class TextWriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
    {
        private readonly Lock writing = new();

        public void Emit(LogEvent logEvent)
        {
            lock (writing)
            {
                formatter.Format(logEvent, output);
                output.Flush();
            }
        }
    }
}
