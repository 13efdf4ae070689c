using System.CommandLine;
using Sextant.Analysis.Checks;
using Sextant.Cli.Output;
using Sextant.Events;
using Sextant.Serialization;
using Sextant.Storage;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant check</c>: data-quality tests on the store; exits non-zero when any fails.</summary>
internal static class CheckCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("check", "Run data-quality tests on the store (non-zero exit when any fails)");
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            var url = StoreUrl.Parse(storePath);
            using var warehouseStore = url.IsWarehouse ? WarehouseStore.Open(url, create: false) : null;
            using var fileStore = url.IsWarehouse ? null : SqliteStore.OpenReadOnly(storePath);
            IEventStore store = (IEventStore?)warehouseStore ?? fileStore!;
            var accepted = new Dictionary<string, IReadOnlyList<string>>
            {
                ["segment"] = config.Check.AcceptedValues.Segment,
                ["channel"] = config.Check.AcceptedValues.Channel,
                ["plan"] = config.Check.AcceptedValues.Plan,
            };
            // The table (for the profile and revenue checks) comes from the snapshot when it is current.
            var report = CheckRunner.Run(store, new CheckQuery(accepted, TimeProvider.System.GetUtcNow()),
                () => url.IsWarehouse ? EventTableBuilder.Build(store, TimeZoneInfo.Utc) : TableSnapshot.Load(store, storePath, TimeZoneInfo.Utc));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), report);
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("check", "status", "failing rows", "message");
                table.Columns[2].RightAligned();
                foreach (var check in report.Checks)
                {
                    var status = check.Status switch
                    {
                        CheckStatus.Pass => "[green]pass[/]",
                        CheckStatus.Warn => "[yellow]warn[/]",
                        _ => "[red]fail[/]",
                    };
                    table.AddRow(check.Name, status, Terminal.Number(check.FailingRows), Markup.Escape(check.Message));
                }
                console.Write(table);
            }
            return report.AnyFailed ? Program.ExitFailed : Program.ExitOk;
        });
        return command;
    }
}
