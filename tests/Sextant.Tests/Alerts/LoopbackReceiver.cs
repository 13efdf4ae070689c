using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sextant.Tests.Alerts;

/// <summary>
/// A webhook receiver on 127.0.0.1 at a free port: records each request's method, content type
/// and body, and answers every request with <see cref="Status"/> (or not at all while <see cref="Silent"/>).
/// </summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackReceiver(int status = 200, bool silent = false)
    {
        Status = status;
        Silent = silent;
        Url = $"http://127.0.0.1:{FreePort()}/hooks/secret-token/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public string Url { get; }

    public int Status { get; }

    public bool Silent { get; }

    public List<(string Method, string? ContentType, string Body)> Requests { get; } = [];

    /// <summary>A port nothing listens on (taken, then released).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests) Requests.Add((context.Request.HttpMethod, context.Request.ContentType, body));
            if (Silent) continue;
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
