using System.CommandLine;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Sextant.Storage.Snapshot;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant snapshot</c>: writes the table snapshot beside the store. Every ingest does this
/// itself; the command is for a store written by an earlier Sextant, or one whose ingest was
/// killed before its snapshot was written.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("snapshot", "Write the table snapshot beside the store, so commands open it in a fraction of a second (every ingest does this)");
        command.SetAction(result =>
        {
            var storePath = globals.StorePath(result, globals.LoadConfig(result));
            var snapshot = TableSnapshot.Write(storePath);
            if (result.GetValue(globals.Json))
                ResultJson.Write(Terminal.Out(result), SnapshotPrinter.Json(snapshot));
            else SnapshotPrinter.Print(Terminal.For(result), snapshot);
            return snapshot.Problem is null ? Program.ExitOk : Program.ExitFailed;
        });
        return command;
    }
}
