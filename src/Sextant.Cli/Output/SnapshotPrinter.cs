using Sextant.Storage.Snapshot;
using Spectre.Console;

namespace Sextant.Cli.Output;

/// <summary>What the table snapshot a write left behind looks like: one line (its size and time, or why it is missing), or its JSON object.</summary>
internal static class SnapshotPrinter
{
    /// <summary>The <c>table_snapshot</c> object of <c>ingest --json</c> and <c>snapshot --json</c> (docs/JSON.md).</summary>
    public static object Json(SnapshotOutcome snapshot) => snapshot.ToJson();

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
