using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sextant.Bench.Serve;

/// <summary>
/// A <c>sextant serve</c> process on a free loopback port: started from a command line, its URL
/// read from the line it prints, stopped by killing the process it started.
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The address it listens on.</summary>
    public Uri Url { get; }

    /// <summary>Its peak resident memory so far (VmHWM), in bytes; 0 where /proc is not there.</summary>
    public long PeakBytes
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            if (!File.Exists(status)) return 0;
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Starts <paramref name="info"/> (a <c>sextant serve --port 0</c> command) and waits for its URL.</summary>
    public static async Task<ServeProcess> Start(ProcessStartInfo info, TimeSpan wait)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException("sextant serve did not start");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    // Keep reading its output so a full pipe never blocks it.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new ServeProcess(process, new Uri(match.Groups[1].Value));
                }
            }
            throw new InvalidOperationException("sextant serve stopped before listening: " + await errors);
        }
        catch
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
