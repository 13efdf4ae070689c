using Spectre.Console;

namespace Sextant.Cli.Output;

/// <summary>Whether to draw progress bars: only on an interactive terminal, never in pipes or CI.</summary>
internal static class Terminal
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && AnsiConsole.Profile.Capabilities.Interactive;

    public static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
