using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Export.Png;

/// <summary>
/// One WebSocket to a browser's DevTools endpoint: numbered commands matched to their replies,
/// and events handed to whoever registered for them. Commands for a page carry its session id
/// (flat sessions), so one connection drives every page.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _replies = new();
    private readonly List<EventWaiter> _waiters = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _lastId;
    private Exception? _closed;

    private DevToolsConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Connects to a DevTools WebSocket such as ws://127.0.0.1:PORT/devtools/browser/ID.</summary>
    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        // Screenshots arrive as one large base64 message; a bigger buffer means fewer receive calls.
        socket.Options.SetBuffer(64 * 1024, 16 * 1024);
        try
        {
            await socket.ConnectAsync(endpoint, cancellation).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new DevToolsConnection(socket);
    }

    /// <summary>
    /// Sends a command and returns its result object. Throws <see cref="DevToolsException"/> when the
    /// browser answers with an error or the connection closes first.
    /// </summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancellation)
    {
        var id = Interlocked.Increment(ref _lastId);
        var message = new JsonObject { ["id"] = id, ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        if (sessionId is not null) message["sessionId"] = sessionId;

        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        try
        {
            ThrowIfClosed();
            var bytes = Serialize(message);
            await _sendLock.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellation).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
            return await reply.Task.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            throw new DevToolsException($"the DevTools connection failed during {method}: {e.Message}", e);
        }
        finally
        {
            _replies.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Starts waiting for the next event <paramref name="method"/> from <paramref name="sessionId"/>
    /// (null: the browser itself) and returns its params. Call it before the command that causes the
    /// event, so the event cannot arrive unseen in between.
    /// </summary>
    public Task<JsonElement> WaitForEventAsync(string method, string? sessionId, CancellationToken cancellation)
    {
        var waiter = new EventWaiter(method, sessionId);
        lock (_waiters)
        {
            if (_closed is not null) return Task.FromException<JsonElement>(_closed);
            _waiters.Add(waiter);
        }
        return WaitAsync();

        async Task<JsonElement> WaitAsync()
        {
            try
            {
                return await waiter.Event.Task.WaitAsync(cancellation).ConfigureAwait(false);
            }
            finally
            {
                lock (_waiters) _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Closes the socket and fails whatever still waits.</summary>
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receiving.ConfigureAwait(false);
        _socket.Dispose();
        _closing.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        Exception reason;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), _closing.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    reason = new DevToolsException("Chromium closed the DevTools connection");
                    break;
                }
                buffer.Advance(received.Count);
                if (!received.EndOfMessage) continue;
                Dispatch(buffer.WrittenMemory);
                buffer.ResetWrittenCount();
            }
        }
        catch (JsonException e)
        {
            reason = new DevToolsException("Chromium sent a DevTools message that is not JSON: " + e.Message, e);
        }
        catch (Exception e)
        {
            // Whatever ends the loop must also fail the waiters, or they would sit until their timeouts.
            reason = new DevToolsException("the DevTools connection closed: " + e.Message, e);
        }
        Close(reason);
    }

    private void Dispatch(ReadOnlyMemory<byte> message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && idElement.TryGetInt32(out var id))
        {
            if (!_replies.TryGetValue(id, out var reply)) return;
            if (root.TryGetProperty("error", out var error))
            {
                var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
                reply.TrySetException(new DevToolsException(text ?? "unknown DevTools error"));
            }
            else
            {
                reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }
            return;
        }
        if (!root.TryGetProperty("method", out var methodElement)) return;
        var method = methodElement.GetString();
        var sessionId = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
        lock (_waiters)
        {
            var index = _waiters.FindIndex(w => w.Method == method && w.SessionId == sessionId);
            if (index < 0) return;
            var waiter = _waiters[index];
            _waiters.RemoveAt(index);
            waiter.Event.TrySetResult(root.TryGetProperty("params", out var p) ? p.Clone() : default);
        }
    }

    private void Close(Exception reason)
    {
        lock (_waiters)
        {
            _closed = reason;
            foreach (var waiter in _waiters) waiter.Event.TrySetException(reason);
            _waiters.Clear();
        }
        foreach (var reply in _replies.Values) reply.TrySetException(reason);
    }

    private static ReadOnlyMemory<byte> Serialize(JsonObject message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer)) message.WriteTo(writer);
        return buffer.WrittenMemory;
    }

    private void ThrowIfClosed()
    {
        Exception? closed;
        lock (_waiters) closed = _closed;
        if (closed is not null) throw new DevToolsException(closed.Message, closed);
    }

    private sealed class EventWaiter(string method, string? sessionId)
    {
        public string Method { get; } = method;

        public string? SessionId { get; } = sessionId;

        public TaskCompletionSource<JsonElement> Event { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
