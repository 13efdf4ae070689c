using Spectre.Console;

namespace Sextant.Cli.Output;

/// <summary>Whether to draw progress bars: only on an interactive terminal, never in pipes or CI.</summary>
internal static class Terminal
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && AnsiConsole.Profile.Capabilities.Interactive;

    // Made on first use: creating a console takes ≈ 13 ms, which a command writing JSON never needs.
    private static readonly Lazy<IAnsiConsole> ProcessConsole = new(CreateProcessConsole);

    /// <summary>Plain text without colours or cursor codes when stdout is not a terminal; wide lines in files.</summary>
    private static IAnsiConsole CreateProcessConsole()
    {
        if (!Console.IsOutputRedirected) return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        AnsiConsole.Console = console;
        return console;
    }

    /// <summary>
    /// The console a command renders on: the process's terminal when the command writes to
    /// stdout, else a plain console (no colours, 160 columns) over the writer the invocation was
    /// given, so a command run in process renders into a string like it would into a pipe.
    /// </summary>
    public static IAnsiConsole For(System.CommandLine.ParseResult result)
    {
        var output = Out(result);
        if (ReferenceEquals(output, Console.Out)) return ProcessConsole.Value;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>Where a command writes JSON and text: stdout, or the writer of an in-process run.</summary>
    public static TextWriter Out(System.CommandLine.ParseResult result) => result.InvocationConfiguration.Output ?? Console.Out;

    /// <summary>One yellow <c>warning:</c> line per warning of a result, above its table.</summary>
    public static void Warnings(IAnsiConsole console, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings) console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
    }

    /// <summary>A rate as "46.9%": one decimal, no space (the invariant culture's P1 writes "46.9 %").</summary>
    public static string Percent(double value) => Reports.NumberText.Percent(value);

    public static string Number(long value) => Reports.NumberText.Count(value);
}
