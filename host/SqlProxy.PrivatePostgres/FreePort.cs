using System.Net;
using System.Net.Sockets;

namespace SqlProxy.PrivatePostgres;

/// <summary>Finds a free TCP port on 127.0.0.1 by binding port 0 and releasing it.</summary>
/// <remarks>Another process may take the port before PostgreSQL binds it: the caller retries on a collision.
/// Ports handed out in this process are not handed out again, so servers started together differ.</remarks>
internal static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (HandedOut)
            {
                if (HandedOut.Add(port) || attempt >= 20) return port;
            }
        }
    }
}
