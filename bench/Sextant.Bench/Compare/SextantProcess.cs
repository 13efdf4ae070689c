using System.Diagnostics;
using System.Globalization;

namespace Sextant.Bench.Compare;

/// <summary>
/// Sextant as a user runs it: one CLI process per question (<c>dotnet Sextant.Cli.dll … --store
/// X --json</c>), so the time includes starting .NET, opening the store and loading the
/// EventTable. The peak resident memory comes from <c>/usr/bin/time -f %M</c> when it is installed.
/// </summary>
internal sealed class SextantProcess(string cliDll, string store, string workingDirectory, string name = "Sextant") : IComparedEngine
{
    private const string TimeProgram = "/usr/bin/time";

    public string Name => name;

    public string Timed => "the whole CLI process (start, open the store, load, analyse, print JSON)";

    public string? Caveat => null;

    public Reply Ask(Question question)
    {
        var (output, elapsed, peak) = Run([.. Questions.SextantArguments(question), "--json"]);
        return new Reply(Questions.FromSextantJson(question, output), elapsed, peak);
    }

    /// <summary>Runs <c>sextant ARGS --store STORE</c>: what it printed, how long it took and its peak memory.</summary>
    public (string Output, TimeSpan Elapsed, long? PeakBytes) Run(string[] arguments)
    {
        var memoryFile = Path.Combine(workingDirectory, "sextant-peak-kib.txt");
        var measured = File.Exists(TimeProgram);
        var start = new ProcessStartInfo(measured ? TimeProgram : "dotnet")
        {
            // No sextant.yaml is read from here, so every setting is at its default.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (measured)
            foreach (var argument in new[] { "-f", "%M", "-o", memoryFile, "dotnet" }) start.ArgumentList.Add(argument);
        foreach (var argument in (string[])[cliDll, .. arguments, "--store", store]) start.ArgumentList.Add(argument);

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var elapsed = watch.Elapsed;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"sextant {arguments[0]} --store {store} exited with {process.ExitCode}: {error.Result.Trim()}");
        long? peak = measured && long.TryParse(File.ReadLines(memoryFile).LastOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
        return (output, elapsed, peak);
    }
}
