using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sextant.Tests.Support.Servers;

/// <summary>
/// A database server run as a child process for the tests: its last output lines are kept for
/// the message when it fails to start, and disposing kills it with every process it started.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>What the server is, for messages.</summary>
    public string Name { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>, reading its output.</summary>
    public static ServerProcess Start(string name, string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start"), name);
        server._process.OutputDataReceived += (_, line) => server.Remember(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Remember(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs a short command to its end and returns its output; throws with the output when it fails.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output} {error.Result}");
        return output;
    }

    /// <summary>Polls <paramref name="ready"/> until it is true; throws with the server's last lines when it exits or the time runs out.</summary>
    public void WaitUntil(Func<bool> ready, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}: {LastLines()}");
            if (ready()) return;
            Thread.Sleep(100);
        }
        throw new InvalidOperationException($"{Name} was not ready within {timeout.TotalSeconds:F0} s: {LastLines()}");
    }

    /// <summary>A TCP port of 127.0.0.1 free at the time of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The last lines the server wrote, joined for a message.</summary>
    public string LastLines()
    {
        lock (_lastLines) return string.Join(" | ", _lastLines);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 15) _lastLines.Dequeue();
        }
    }
}
