using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Sextant.Server;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant serve</c>: the HTTP API, live dashboards and ingest over HTTP on one warm project,
/// on 127.0.0.1:5080 unless told otherwise (docs/SERVER.md).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var port = new Option<int>("--port") { Description = $"TCP port (default {ServerOptions.DefaultPort}; 0 picks a free one)", DefaultValueFactory = _ => ServerOptions.DefaultPort };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (default 127.0.0.1; any other needs a key to exist first)", DefaultValueFactory = _ => "127.0.0.1" };
        var rate = new Option<int>("--rate-limit") { Description = $"Requests per second each key may make before 429 (default {ServerOptions.DefaultRequestsPerSecond}; bursts of twice that pass)", DefaultValueFactory = _ => ServerOptions.DefaultRequestsPerSecond };
        var command = new Command("serve", "Serve the REST API, live dashboards and ingest over HTTP (loopback by default)") { port, bind, rate };
        command.SetAction(async (result, cancel) =>
        {
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            if (!IPAddress.TryParse(result.GetValue(bind), out var address)) throw new SextantException($"--bind '{result.GetValue(bind)}' is not an IP address (e.g. 127.0.0.1)");
            if (result.GetValue(port) is < 0 or > 65_535) throw new SextantException($"--port {result.GetValue(port)} is not a TCP port (0 to 65535)");
            if (result.GetValue(rate) < 1) throw new SextantException($"--rate-limit must be 1 or more, got {result.GetValue(rate)}");
            var options = new ServerOptions(storePath, result.GetValue(globals.Config), address, result.GetValue(port), result.GetValue(rate));
            await using var app = SextantServer.Build(options);
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException e) when (SocketErrorOf(e) is { } socket)
            {
                throw new SextantException($"cannot listen on {address}:{options.Port}: {socket.Message.TrimEnd('.').ToLowerInvariant()}; choose another --port (0 picks a free one)", e);
            }
            var output = result.InvocationConfiguration.Output ?? Console.Out;
            foreach (var url in app.Urls) await output.WriteLineAsync($"sextant serve: listening on {url} (store {storePath}); Ctrl-C stops");
            await output.FlushAsync(cancel);
            await app.WaitForShutdownAsync(cancel);
            return Program.ExitOk;
        });
        return command;
    }

    /// <summary>The socket error under Kestrel's bind failure (address in use, not available, denied), or null.</summary>
    private static SocketException? SocketErrorOf(Exception error)
    {
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
            if (cause is SocketException socket) return socket;
        return null;
    }
}
