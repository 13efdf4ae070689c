using System.CommandLine;
using Sextant.Analysis.Checks;
using Sextant.Analysis.DataTests;
using Sextant.Analysis.Syntax;
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
        var asOf = new Option<string?>("--as-of") { Description = "The instant (or date, ending at its last instant) freshness, recency and the future-timestamp rule take as now (default: the clock)" };
        var failures = new Option<string?>("--failures") { Description = "Directory for the failing rows of tests with store_failures (default: <store>.test_failures)" };
        var command = new Command("check", "Run data-quality tests on the store: the built-in checks, then the tests of sextant.yaml (non-zero exit when any fails)") { asOf, failures };
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
            var now = AsOfText.Parse(result.GetValue(asOf), "--as-of", new ProjectCalendar(config.TimeZone, 0, 0)) is { } micros
                ? new Timestamp(micros).ToDateTimeOffset()
                : TimeProvider.System.GetUtcNow();
            // The table (for the profile and revenue checks) comes from the snapshot when it is current.
            var events = new Lazy<EventTable>(() => url.IsWarehouse ? EventTableBuilder.Build(store, TimeZoneInfo.Utc) : TableSnapshot.Load(store, storePath, TimeZoneInfo.Utc));
            // The checks read the event columns; tests on the events table use the same columns.
            var columns = new Lazy<EventColumns>(store.ReadEventColumns);
            var report = CheckRunner.Run(store, new CheckQuery(accepted, now), () => events.Value, () => columns.Value);
            if (config.Tests.Count > 0)
            {
                var failuresDirectory = result.GetValue(failures) ?? (url.IsWarehouse ? "test_failures" : storePath + ".test_failures");
                report = new CheckReport([.. report.Checks, .. DeclaredTests.Run(config, store, storePath, events, columns, new DataTestSettings(config.TimeZone, now, Path.GetFullPath(failuresDirectory)), report)]);
            }
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
