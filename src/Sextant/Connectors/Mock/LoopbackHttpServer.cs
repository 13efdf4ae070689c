using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sextant.Connectors.Mock;

/// <summary>A request as the loopback server read it: method, path, query and headers (names lower-case).</summary>
internal sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A query parameter, or null.</summary>
    public string? Parameter(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>A header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// What the loopback server answers. <see cref="SendBytes"/> below the body's length cuts the
/// body short after the headers promised all of it, as a dropped connection does.
/// </summary>
internal sealed record LoopbackResponse(int Status, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Bytes of the body actually sent before the connection closes (null: all).</summary>
    public int? SendBytes { get; init; }

    /// <summary>False to send no Content-Length (the body then ends when the connection closes).</summary>
    public bool SendLength { get; init; } = true;

    public static LoopbackResponse Text(int status, string body, string contentType = "text/plain") =>
        new(status, Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["Content-Type"] = contentType });
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 at a free port, one request per connection: what
/// <c>sextant pull --mock</c> serves its generated export through, and what the connector tests
/// script faults with (429, 5xx, cut bodies). It listens on loopback only and serves until disposed.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<LoopbackRequest, LoopbackResponse> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; how it ended is of no interest here.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null) return;
                LoopbackResponse response;
                try
                {
                    response = _handler(request);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    response = LoopbackResponse.Text(500, $"mock server error: {exception.Message}");
                }
                Interlocked.Increment(ref _requests);
                await WriteResponseAsync(stream, response);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new MemoryStream();
        var buffer = new byte[1];
        while (head.Length < 64 * 1024)
        {
            if (await stream.ReadAsync(buffer) == 0) return null;
            head.WriteByte(buffer[0]);
            var bytes = head.GetBuffer();
            var length = (int)head.Length;
            if (length >= 4 && bytes[length - 4] == '\r' && bytes[length - 3] == '\n' && bytes[length - 2] == '\r' && bytes[length - 1] == '\n') break;
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        if (parts.Length < 2) return null;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                query[name] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }
        return new LoopbackRequest(parts[0], path, query, headers);
    }

    private static async Task WriteResponseAsync(NetworkStream stream, LoopbackResponse response)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(ReasonOf(response.Status)).Append("\r\n");
        foreach (var (name, value) in response.Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (response.SendLength) head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        var count = Math.Min(response.SendBytes ?? response.Body.Length, response.Body.Length);
        await stream.WriteAsync(response.Body.AsMemory(0, count));
        await stream.FlushAsync();
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
