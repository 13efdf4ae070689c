using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Sextant.Cli.Commands;
using Sextant.Cli.Output;

namespace Sextant.Cli;

/// <summary>
/// The <c>sextant</c> command. Errors a user can fix print one message; nothing prints a stack trace unless SEXTANT_DEBUG=1.
/// Exit codes (docs/CLI.md): 0 ok, 1 a check failed or a strict ingest rolled back, 2 usage, input or disk error,
/// 130 interrupted (143 terminated), 70 a bug.
/// </summary>
internal static class Program
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUserError = 2;
    public const int ExitInternalError = 70;
    public const int ExitInterrupted = 130;
    public const int ExitTerminated = 143;

    /// <summary>The exit code of a signal being handled (130 or 143), or 0; read by Main so a failure the cleanup itself causes (a killed browser) cannot win the race.</summary>
    private static volatile int _interruptedExit;

    public static int Main(string[] args)
    {
        int code;
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop))
            code = Run(args, Console.Out, Console.Error);
        return _interruptedExit != 0 ? _interruptedExit : code;
    }

    /// <summary>
    /// Runs one command with its output and errors written to the given writers: the process's
    /// own in <see cref="Main"/>, string writers when tests run the command in process. Tables
    /// render over an <see cref="Spectre.Console.IAnsiConsole"/> on <paramref name="output"/> (<see cref="Terminal.For"/>).
    /// </summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Sextant: product analytics from raw events — ingest, check, analyse, report.");
        var globals = new GlobalOptions();
        globals.AddTo(root);
        root.Add(IngestCommand.Create(globals));
        root.Add(PullCommand.Create(globals));
        root.Add(CheckCommand.Create(globals));
        root.Add(AlertsCommand.Create(globals));
        root.Add(InfoCommand.Create(globals));
        root.Add(SourcesCommand.Create(globals));
        root.Add(SnapshotCommand.Create(globals));
        root.Add(RefreshCommand.Create(globals));
        root.Add(ForgetCommand.Create(globals));
        root.Add(GenerateCommand.Create(globals));
        root.Add(FunnelCommand.Create(globals));
        root.Add(RetentionCommand.Create(globals));
        root.Add(MetricsCommand.Create(globals));
        root.Add(RevenueCommand.Create(globals));
        root.Add(ExperimentCommand.Create(globals));
        root.Add(StatsCommand.Create(globals));
        root.Add(PowerCommand.Create(globals));
        root.Add(GrowthCommand.Create(globals));
        root.Add(ImpactCommand.Create(globals));
        root.Add(AttributionCommand.Create(globals));
        root.Add(PathsCommand.Create(globals));
        root.Add(HealthCommand.Create(globals));
        root.Add(MartsCommand.Create(globals));
        root.Add(CohortsCommand.Create(globals));
        root.Add(ReportCommand.Create(globals));
        root.Add(ExportCommand.Create(globals));
        root.Add(DemoCommand.Create(globals));
        root.Add(SqlCommand.Create(globals));
        root.Add(ServeCommand.Create(globals));
        root.Add(KeysCommand.Create(globals));
        root.Add(AuditCommand.Create(globals));
        RejectEmptyPaths(root, []);

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // One line on stderr and nothing on stdout, so a --json pipeline sees no help text.
                error.WriteLine($"sextant: {string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message)))}; see '{CommandPath(parsed)} --help'");
                return ExitUserError;
            }
            // Interrupts are handled by Stop below, not by System.CommandLine's own handler.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = error });
        }
        catch (Exception) when (_interruptedExit != 0)
        {
            // Stop is removing temporary files and the browser; what failed because of that is no error of its own.
            return _interruptedExit;
        }
        catch (Exception exception) when (UserFacing(exception) is { } message)
        {
            error.WriteLine($"sextant: {message}");
            return ExitUserError;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            error.WriteLine($"sextant: internal error ({exception.GetType().Name}): {exception.Message}");
            if (Environment.GetEnvironmentVariable("SEXTANT_DEBUG") == "1") error.WriteLine(exception);
            else error.WriteLine("sextant: set SEXTANT_DEBUG=1 to see the details, and please report it");
            return ExitInternalError;
        }
    }

    /// <summary>
    /// The one-line message for an error the user or the machine caused (a bad input, a full
    /// disk, a denied permission), or null for a bug. Parallel writers wrap errors in an AggregateException.
    /// </summary>
    internal static string? UserFacing(Exception exception) => exception switch
    {
        SextantException e => e.Message,
        AggregateException e when e.Flatten().InnerExceptions is [var first, ..] => UserFacing(first),
        UnauthorizedAccessException e => $"permission denied: {e.Message}",
        IOException e when OutputFile.IsDiskFull(e) => $"the disk is full: {e.Message}",
        IOException { HResult: 30 } e => $"the file system is read-only: {e.Message}",
        SqliteException { SqliteErrorCode: 13 } => "the store could not be written: the disk is full",
        SqliteException { SqliteErrorCode: 3 or 8 or 14 } e => $"the store could not be opened or written ({e.Message.TrimEnd('.')}); check its path and permissions",
        _ => null,
    };

    /// <summary>A parser message on one line: "Must be one of:" lists its values one a line.</summary>
    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    /// <summary>
    /// An empty path (--store "", --out "", often an unset shell variable) is a usage error, not a
    /// file name; every path option of every command gets the check.
    /// </summary>
    private static void RejectEmptyPaths(Command command, HashSet<Option> seen)
    {
        foreach (var option in command.Options)
        {
            if (option.ValueType != typeof(string) || option.Name is not ("--store" or "--config" or "--out" or "--scenario-file") || !seen.Add(option)) continue;
            option.Validators.Add(r =>
            {
                if (r.Tokens.Count > 0 && string.IsNullOrWhiteSpace(r.Tokens[^1].Value)) r.AddError($"{option.Name} is empty: expected a path");
            });
        }
        foreach (var subcommand in command.Subcommands) RejectEmptyPaths(subcommand, seen);
    }

    /// <summary>"sextant funnel" for the command the arguments named.</summary>
    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var command = parsed.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
            if (command.Parent is not null) names.Insert(0, command.Command.Name);
        return string.Join(' ', ["sextant", .. names]);
    }

    /// <summary>Ctrl-C or SIGTERM: remove temporary files, stop any browser, and exit at once with 130 (143).</summary>
    private static void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _interruptedExit = context.Signal == PosixSignal.SIGTERM ? ExitTerminated : ExitInterrupted;
        ExitCleanup.RunAll();
        Console.Error.WriteLine("sextant: interrupted");
        Environment.Exit(_interruptedExit);
    }
}
