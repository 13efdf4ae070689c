using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Sextant.Export.Png;

/// <summary>
/// One headless Chromium process with its own throw-away profile, driven over the DevTools
/// protocol. Disposing closes the browser (killing it if it does not go) and deletes the profile.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly Queue<string> _errorLines = new();
    private DevToolsConnection? _connection;
    private IDisposable? _killOnExit;

    private HeadlessChromium(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The connection to the browser; every page's commands go through it.</summary>
    public DevToolsConnection Connection => _connection ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>
    /// Starts <paramref name="executable"/> and connects to it. Throws <see cref="DevToolsException"/>
    /// when it cannot be started, exits, or opens no DevTools endpoint within the start timeout.
    /// </summary>
    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellation)
    {
        var profile = Directory.CreateTempSubdirectory("sextant-chromium-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            // The network flags matter: without them Chromium keeps dialling out, and a closed network refuses it.
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--user-data-dir=" + profile.FullName,
            "--remote-debugging-port=0",
            "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var browser = new HeadlessChromium(process, profile);
        process.ErrorDataReceived += (_, e) => browser.KeepErrorLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        // A run stopped by Ctrl-C or SIGTERM must not leave a browser behind. The stop is registered
        // before the start and waits for it, so a signal arriving while the browser starts still kills it.
        var starting = new Lock();
        var started = false;
        browser._killOnExit = ExitCleanup.Register(() =>
        {
            lock (starting)
                if (started) process.Kill(entireProcessTree: true);
            browser.DeleteProfile();
        });
        try
        {
            try
            {
                lock (starting)
                {
                    process.Start();
                    started = true;
                }
            }
            catch (Win32Exception e)
            {
                throw new DevToolsException("it could not be run: " + e.Message, e);
            }
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(StartTimeout);
            try
            {
                var endpoint = await browser.WaitForEndpointAsync(timeout.Token).ConfigureAwait(false);
                browser._connection = await DevToolsConnection.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                throw new DevToolsException(
                    $"it did not open its DevTools endpoint within {StartTimeout.TotalSeconds:0} s ({browser.ErrorTail()})");
            }
            catch (System.Net.WebSockets.WebSocketException e)
            {
                throw new DevToolsException("its DevTools endpoint refused the connection: " + e.Message, e);
            }
            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a blank page and attaches a flat session to it, with page events on.</summary>
    public async Task<ChromiumPage> NewPageAsync(CancellationToken cancellation)
    {
        var target = await Connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellation)
            .ConfigureAwait(false);
        var targetId = ChromiumPage.GetString(target, "targetId");
        var attached = await Connection.SendAsync(
            "Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, cancellation).ConfigureAwait(false);
        var page = new ChromiumPage(Connection, ChromiumPage.GetString(attached, "sessionId"));
        await page.EnableAsync(cancellation).ConfigureAwait(false);
        return page;
    }

    /// <summary>Asks the browser to close, kills it if it does not, and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        _killOnExit?.Dispose();
        var askedToClose = false;
        if (_connection is not null)
        {
            using var closing = new CancellationTokenSource(CloseTimeout);
            try
            {
                await _connection.SendAsync("Browser.close", null, null, closing.Token).ConfigureAwait(false);
                askedToClose = true;
            }
            catch (DevToolsException)
            {
                // The browser often drops the connection before it answers; the exit below is what counts.
                askedToClose = true;
            }
            catch (OperationCanceledException)
            {
                // No answer at all: the browser is stuck, and is killed below.
            }
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        await StopProcessAsync(askedToClose).ConfigureAwait(false);
        DeleteProfile();
    }

    private async Task<Uri> WaitForEndpointAsync(CancellationToken cancellation)
    {
        // Chromium writes the port it picked and the browser's WebSocket path here once it listens.
        var portFile = Path.Combine(_profile.FullName, "DevToolsActivePort");
        while (true)
        {
            if (TryReadEndpoint(portFile) is { } endpoint) return endpoint;
            if (_process.HasExited)
            {
                // Let the last error lines drain before quoting them.
                await _process.WaitForExitAsync(cancellation).ConfigureAwait(false);
                throw new DevToolsException($"it exited with code {_process.ExitCode} before opening its DevTools endpoint ({ErrorTail()})");
            }
            await Task.Delay(PollInterval, cancellation).ConfigureAwait(false);
        }
    }

    private static Uri? TryReadEndpoint(string portFile)
    {
        string[] lines;
        try
        {
            if (!File.Exists(portFile)) return null;
            lines = File.ReadAllLines(portFile);
        }
        catch (IOException)
        {
            return null;
        }
        // Both lines must be there: the file may be caught half written.
        if (lines.Length < 2
            || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is <= 0 or > 65535
            || !lines[1].StartsWith("/devtools/browser/", StringComparison.Ordinal))
        {
            return null;
        }
        return new Uri(FormattableString.Invariant($"ws://127.0.0.1:{port}{lines[1].Trim()}"));
    }

    /// <summary>Waits a little for a browser that was asked to close, and kills it if it is still there.</summary>
    private async Task StopProcessAsync(bool askedToClose)
    {
        try
        {
            if (!_process.HasExited)
            {
                using var closing = new CancellationTokenSource(askedToClose ? CloseTimeout : TimeSpan.Zero);
                try
                {
                    await _process.WaitForExitAsync(closing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    // Bounded as well: a helper that escaped the kill may hold the output pipes open.
                    _process.WaitForExit(CloseTimeout);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started.
        }
        _process.Dispose();
    }

    private void DeleteProfile()
    {
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A browser helper may still hold a file for a moment; a stray temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private void KeepErrorLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (_errorLines)
        {
            _errorLines.Enqueue(line.Trim());
            if (_errorLines.Count > KeptErrorLines) _errorLines.Dequeue();
        }
    }

    /// <summary>The last few lines of Chromium's error output, on one line.</summary>
    internal string ErrorTail()
    {
        string tail;
        lock (_errorLines) tail = string.Join(" | ", _errorLines.TakeLast(4));
        return tail.Length == 0 ? "no error output" : tail.Length > 800 ? tail[^800..] : tail;
    }
}
