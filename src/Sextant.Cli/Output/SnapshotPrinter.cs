using Sextant.Storage.Snapshot;
using Spectre.Console;

namespace Sextant.Cli.Output;

/// <summary>One line on the table snapshot a write left behind: its size and time, or why it is missing.</summary>
internal static class SnapshotPrinter
{
    public static void Print(IAnsiConsole console, SnapshotOutcome snapshot)
    {
        if (snapshot.Problem is { } problem)
        {
            console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(problem) + "; commands load the events from the store until it is written.");
            return;
        }
        console.MarkupLine($"Table snapshot: {Terminal.Number(snapshot.Events)} events, {snapshot.Bytes / 1024.0 / 1024.0:F1} MiB, written in {snapshot.Elapsed.TotalSeconds:F1} s ({Markup.Escape(snapshot.Path)}).");
    }
}
