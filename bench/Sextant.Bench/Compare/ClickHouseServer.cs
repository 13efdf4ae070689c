using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sextant.Bench.Compare;

/// <summary>
/// A throw-away ClickHouse server: a child process with a generated minimal config in its own
/// temporary directory, listening over HTTP on a free port of 127.0.0.1 only. Disposing it
/// kills the process and deletes the directory, so nothing of it outlives the run.
/// </summary>
internal sealed class ClickHouseServer : IDisposable
{
    /// <summary>What to tell someone whose machine lacks ClickHouse.</summary>
    public const string InstallHint = "ClickHouse is not installed; install it with: apt-get update && apt-get install -y clickhouse-server clickhouse-client";

    private readonly Process _process;
    private readonly string _directory;
    private readonly Queue<string> _lastLines = new();

    private ClickHouseServer(Process process, string directory, Uri endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    /// <summary>The server's HTTP interface.</summary>
    public Uri Endpoint { get; }

    /// <summary>The server program and the arguments before <c>--config-file</c>, or null when none is installed.</summary>
    public static (string Program, string Prefix)? Find()
    {
        // Debian's 18.16 ships clickhouse-server; later packagings ship one clickhouse binary with a server verb.
        if (OnPath("clickhouse-server") is { } server) return (server, "");
        if (OnPath("clickhouse") is { } single) return (single, "server ");
        return null;
    }

    /// <summary>Starts a server and waits until it answers /ping.</summary>
    public static ClickHouseServer Start((string Program, string Prefix) binary)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"sextant-clickhouse-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        File.WriteAllText(Path.Combine(directory, "config.xml"), Config(directory, port));
        File.WriteAllText(Path.Combine(directory, "users.xml"), Users);
        var start = new ProcessStartInfo(binary.Program, $"{binary.Prefix}--config-file={Path.Combine(directory, "config.xml")}")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var server = new ClickHouseServer(Process.Start(start)!, directory, new Uri($"http://127.0.0.1:{port}/"));
        server._process.OutputDataReceived += (_, line) => server.Remember(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Remember(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            server.WaitUntilReady(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
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
            // The process was never started or is already gone.
        }
        _process.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private void WaitUntilReady(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"clickhouse-server exited with code {_process.ExitCode}: {string.Join(" | ", LastLines())}");
            try
            {
                if (client.GetStringAsync(new Uri(Endpoint, "ping")).GetAwaiter().GetResult().StartsWith("Ok", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting.
            }
            Thread.Sleep(200);
        }
        throw new InvalidOperationException($"clickhouse-server did not answer within {timeout.TotalSeconds:F0} s: {string.Join(" | ", LastLines())}");
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 10) _lastLines.Dequeue();
        }
    }

    private string[] LastLines()
    {
        lock (_lastLines) return [.. _lastLines];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    // Only HTTP is opened (no native TCP, no interserver port); logs go to the console we read.
    private static string Config(string directory, int port) => $"""
        <?xml version="1.0"?>
        <yandex>
            <logger><level>warning</level><console>true</console></logger>
            <http_port>{port}</http_port>
            <listen_host>127.0.0.1</listen_host>
            <path>{directory}/data/</path>
            <tmp_path>{directory}/tmp/</tmp_path>
            <user_files_path>{directory}/user_files/</user_files_path>
            <format_schema_path>{directory}/format_schemas/</format_schema_path>
            <users_config>{directory}/users.xml</users_config>
            <default_profile>default</default_profile>
            <default_database>default</default_database>
            <timezone>UTC</timezone>
            <mark_cache_size>1073741824</mark_cache_size>
        </yandex>
        """;

    private const string Users = """
        <?xml version="1.0"?>
        <yandex>
            <profiles><default><max_memory_usage>10000000000</max_memory_usage></default></profiles>
            <users>
                <default>
                    <password></password>
                    <networks><ip>127.0.0.1</ip></networks>
                    <profile>default</profile>
                    <quota>default</quota>
                </default>
            </users>
            <quotas><default></default></quotas>
        </yandex>
        """;
}
