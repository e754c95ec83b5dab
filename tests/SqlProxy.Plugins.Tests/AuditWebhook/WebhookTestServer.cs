using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SqlProxy.Plugins.Tests.AuditWebhook;

/// <summary>A request as the test server received it.</summary>
internal sealed record ReceivedRequest(string Method, string? ContentType, string? Batch, string? Authorization, string Body, TimeSpan At);

/// <summary>What the test server answers: a status, optional headers, or no answer at all until the server stops.</summary>
internal sealed record ScriptedAnswer(int Status, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    public static ScriptedAnswer Ok { get; } = new(200);

    public static ScriptedAnswer Never { get; } = new(0, Hang: true);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (System.Net.HttpListener, a free port) that records every request and answers the
/// n-th one (0-based) as <c>answer(n)</c>. Disposing it stops it and releases hanging requests.
/// </summary>
internal sealed class WebhookTestServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<int, ScriptedAnswer> _answer;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;
    private int _count;

    public WebhookTestServer(Func<int, ScriptedAnswer> answer)
    {
        _answer = answer;
        (_listener, Url) = Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's base URL, ending in <c>/</c>.</summary>
    public string Url { get; }

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
    }

    private static (HttpListener, string) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // the port was taken between probing and binding: try another
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            handlers.Add(Task.Run(() => AnswerAsync(context)));
        }

        await Task.WhenAll(handlers).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        try
        {
            var request = context.Request;
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            _requests.Enqueue(new ReceivedRequest(
                request.HttpMethod, request.ContentType, request.Headers["X-SqlProxy-Batch"], request.Headers["Authorization"], body, _clock.Elapsed));

            var answer = _answer(index);
            if (answer.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { });
                context.Response.Abort();
                return;
            }

            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                context.Response.AddHeader(name, value);
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (its attempt timed out) or the server is stopping.
        }
    }
}
