using System.Diagnostics;
using System.Runtime.InteropServices;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>Exit codes of docs/CLI.md: 2 with one line on stderr for usage, input and disk errors; 130 on Ctrl-C with nothing left behind.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private const string Events = "event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,u1,create_page,2024-01-01T00:10:00Z\n";
    private const int Sigint = 2;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static void AssertOneLineUsageError(CliRunner.CliResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("sextant: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_flag_prints_one_line_on_stderr_nothing_on_stdout_and_exits_2()
    {
        // When a --json run has a typo in a flag
        var result = CliRunner.Run(_directory.Path, "info", "--bogus", "--json");

        // Then stdout stays empty for the pipeline, and stderr names the flag and where help is
        AssertOneLineUsageError(result, "'--bogus'; see 'sextant info --help'");
    }

    [Fact]
    public void An_empty_store_path_is_a_usage_error()
    {
        var result = CliRunner.Run(_directory.Path, "info", "--store", "");

        AssertOneLineUsageError(result, "--store is empty: expected a path");
    }

    [Fact]
    public void An_empty_out_directory_is_a_usage_error()
    {
        var result = CliRunner.Run(_directory.Path, "demo", "--out", "");

        AssertOneLineUsageError(result, "--out is empty: expected a path; see 'sextant demo --help'");
    }

    [Fact]
    public void A_value_outside_the_allowed_list_is_named_on_one_line()
    {
        var result = CliRunner.Run(_directory.Path, "retention", "--period", "fortnight");

        AssertOneLineUsageError(result, "Argument 'fortnight' not recognized. Must be one of: 'day' 'week' 'month'; see 'sextant retention --help'");
    }

    [Fact]
    public void An_absurd_window_is_an_input_error_that_names_the_value()
    {
        // Given a store with two events
        _directory.Write("events.csv", Events);
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);

        // When the window overflows any time span
        var result = CliRunner.Run(_directory.Path, "funnel", "--steps", "signup,create_page", "--window", "99999999999d");

        AssertOneLineUsageError(result, "--window '99999999999d' is too long (expected at most 36500d)");
    }

    [Fact]
    public void An_out_directory_under_a_file_names_the_file_in_one_line()
    {
        // Given a store, and events.csv being a file
        _directory.Write("events.csv", Events);
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);

        // When --out asks for a directory inside that file
        var result = CliRunner.Run(_directory.Path, "metrics", "--out", Path.Combine("events.csv", "out"));

        AssertOneLineUsageError(result, $"{_directory.File("events.csv")} is a file, expected a directory");
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private static void WaitFor(Func<bool> condition, Process process, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited) Assert.Fail($"sextant exited ({process.ExitCode}) before {what}");
            if (watch.Elapsed > TimeSpan.FromMinutes(2)) Assert.Fail($"timed out waiting until {what}");
            Thread.Sleep(5);
        }
    }

    private static (int ExitCode, string Stderr, TimeSpan Stop) Interrupt(Process process)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id, Sigint));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "sextant did not stop within 30 s of Ctrl-C");
        var stop = watch.Elapsed;
        return (process.ExitCode, stderr.Result, stop);
    }

    [Fact]
    public void Ctrl_c_while_a_file_is_written_exits_130_and_leaves_neither_a_half_written_file_nor_a_temporary_one()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Given a large generation under way, caught while it writes user_events.csv
        var output = _directory.File("big");
        var start = CliRunner.StartInfo(_directory.Path, "generate", "--scenario", "scale", "--users", "300000", "--out", "big");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        WaitFor(() => Directory.Exists(output) && Directory.EnumerateFiles(output, "*user_events.csv*").Any(), process, "user_events.csv is being written");

        // When it is interrupted
        var (exitCode, stderr, stop) = Interrupt(process);

        // Then it stops at once with 130, and the directory holds only complete files
        Assert.Equal(130, exitCode);
        Assert.Contains("sextant: interrupted", stderr, StringComparison.Ordinal);
        Assert.True(stop < TimeSpan.FromSeconds(10), $"stopping took {stop}");
        Assert.False(File.Exists(Path.Combine(output, "user_events.csv")), "a half-written user_events.csv was left");
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp"));
    }

    [Fact]
    public void Ctrl_c_during_png_export_leaves_no_browser_process_behind()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Given a "browser" that never opens its DevTools endpoint and records its process id
        _directory.Write("tiny.csv", "event_id,user_id,event,timestamp\ne1,u1,signup,2026-01-01T09:00:00Z\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "tiny.csv").ExitCode);
        var pidFile = _directory.File("browser.pid");
        var browser = _directory.Write("fake-chromium", $"#!/bin/sh\necho $$ > '{pidFile}.part' && mv '{pidFile}.part' '{pidFile}'\nexec sleep 300\n");
        File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = CliRunner.StartInfo(_directory.Path, "report", "--out", "rep", "--png");
        start.Environment["SEXTANT_CHROMIUM"] = browser;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        WaitFor(() => File.Exists(pidFile), process, "the browser started");
        var browserPid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // When the export is interrupted
        var (exitCode, _, _) = Interrupt(process);

        // Then the browser is gone too (a zombie waiting for its parent to reap it counts as gone)
        Assert.Equal(130, exitCode);
        var status = $"/proc/{browserPid}/status";
        var alive = File.Exists(status) && !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        if (alive) Kill(browserPid, 9);
        Assert.False(alive, "the browser process outlived sextant");
    }
}
