using System.CommandLine;
using Sextant.Cli.Commands;
using Sextant.Cli.Output;

namespace Sextant.Cli;

/// <summary>The <c>sextant</c> command. Errors a user can fix print one message; nothing prints a stack trace unless SEXTANT_DEBUG=1.</summary>
internal static class Program
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUserError = 2;
    public const int ExitInternalError = 70;

    public static int Main(string[] args)
    {
        Terminal.Configure();
        var root = new RootCommand("Sextant: product analytics from raw events — ingest, check, analyse, report.");
        var globals = new GlobalOptions();
        globals.AddTo(root);
        root.Add(IngestCommand.Create(globals));
        root.Add(CheckCommand.Create(globals));
        root.Add(InfoCommand.Create(globals));
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
        root.Add(ReportCommand.Create(globals));
        root.Add(DemoCommand.Create(globals));

        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (SextantException exception)
        {
            Console.Error.WriteLine($"sextant: {exception.Message}");
            return ExitUserError;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"sextant: internal error ({exception.GetType().Name}): {exception.Message}");
            if (Environment.GetEnvironmentVariable("SEXTANT_DEBUG") == "1") Console.Error.WriteLine(exception);
            else Console.Error.WriteLine("sextant: set SEXTANT_DEBUG=1 to see the details, and please report it");
            return ExitInternalError;
        }
    }
}
