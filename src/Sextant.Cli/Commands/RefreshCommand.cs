using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Refresh;
using Sextant.Cli.Output;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant refresh [--full]</c>: materialises the daily series and cohort activity beside the
/// store and, after later ingests, recomputes only what the new events can change (docs/REFRESH.md).
/// </summary>
internal static class RefreshCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var full = new Option<bool>("--full") { Description = "Recompute everything from the whole store (and verify against the event table) instead of reading only new events" };
        var command = new Command("refresh", "Materialise the daily series and cohort activity as CSV files; later runs read only the events added since") { full };
        command.SetAction(result =>
        {
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            if (StoreUrl.Parse(storePath).IsWarehouse)
                throw new SextantException($"sextant refresh needs a store file; '{storePath}' is a warehouse store, whose tables refresh in the database (docs/REFRESH.md)");
            using var store = SqliteStore.OpenReadOnly(storePath);
            var settings = new RefreshSettings(config.TimeZone, config.Activity.ExcludeEvents);
            var refresh = RefreshRunner.Run(store, storePath, settings, result.GetValue(full), TimeProvider.System);
            if (result.GetValue(globals.Json))
            {
                RefreshResultJson.Write(Terminal.Out(result), refresh);
                return Program.ExitOk;
            }
            var mode = refresh.Mode switch
            {
                RefreshMode.Unchanged => "unchanged: no new data since the last refresh",
                RefreshMode.Incremental => "incremental",
                _ => "full recompute (" + refresh.Reason + ")",
            };
            var console = Terminal.For(result);
            console.MarkupLine($"[bold]refresh[/] {Markup.Escape(mode)}");
            var table = new Table().Border(TableBorder.Rounded).AddColumns("partitions", "total", "kept", "recomputed");
            for (var i = 1; i < 4; i++) table.Columns[i].RightAligned();
            table.AddRow("days", Terminal.Number(refresh.Days.Total), Terminal.Number(refresh.Days.Kept), Terminal.Number(refresh.Days.Recomputed));
            table.AddRow("cohort months", Terminal.Number(refresh.Cohorts.Total), Terminal.Number(refresh.Cohorts.Kept), Terminal.Number(refresh.Cohorts.Recomputed));
            console.Write(table);
            console.MarkupLine(Markup.Escape($"new events read: {refresh.NewEvents.ToString("N0", CultureInfo.InvariantCulture)} of {refresh.StoreEvents.ToString("N0", CultureInfo.InvariantCulture)} stored · {refresh.Seconds.ToString("F2", CultureInfo.InvariantCulture)} s"
                + (refresh.Verified == true ? " · verified against the event table" : "")));
            foreach (var file in refresh.Files) console.MarkupLine(Markup.Escape("  " + file));
            return Program.ExitOk;
        });
        return command;
    }
}
