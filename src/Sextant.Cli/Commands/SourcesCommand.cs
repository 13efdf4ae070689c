using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Sources;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant sources</c>: events and users per source per day side by side, where sources disagree, and what identity merging did.</summary>
internal static class SourcesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var threshold = new Option<double>("--threshold") { Description = "Flag a complete day when sources' event or user counts differ by more than this share of the largest (default 0.1 = 10%)", DefaultValueFactory = _ => 0.1 };
        var all = new Option<bool>("--all-days") { Description = "List every day, not only the days where sources disagree" };
        var command = new Command("sources", "Compare the sources of the store day by day and show identity-merge statistics") { threshold, all };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            var url = StoreUrl.Parse(storePath);
            SourcesReport report;
            IEventStore store = url.IsWarehouse ? WarehouseStore.Open(url, create: false) : SqliteStore.OpenReadOnly(storePath);
            using (store as IDisposable) report = SourcesReader.Read(store, config.TimeZone, result.GetValue(threshold));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), report);
                return Program.ExitOk;
            }
            Print(console, report, result.GetValue(all));
            return Program.ExitOk;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, SourcesReport report, bool allDays)
    {
        if (report.Sources.Count == 0)
        {
            console.MarkupLine($"{Markup.Escape(report.Store)} holds no events.");
            return;
        }
        var totals = new Table().Border(TableBorder.Rounded).Title("sources")
            .AddColumns("source", "first day", "last day", "events", "users", "identified events", "anonymous events", "link events");
        foreach (var column in totals.Columns.Skip(3)) column.RightAligned();
        foreach (var source in report.Sources)
            totals.AddRow(Markup.Escape(source.Source), Day(source.FirstDay), Day(source.LastDay), Terminal.Number(source.Events), Terminal.Number(source.Users),
                Terminal.Number(source.IdentifiedEvents), Terminal.Number(source.AnonymousEvents), Terminal.Number(source.LinkEvents));
        console.Write(totals);

        var days = allDays ? report.Days : report.Disagreements;
        var percent = Percent(report.Threshold);
        if (report.Sources.Count < 2)
        {
            console.MarkupLine("One source only: nothing to compare.");
        }
        else if (days.Count == 0)
        {
            console.MarkupLine($"[green]No complete day where sources differ by more than {percent}[/] ({Terminal.Number(report.Days.Count)} days, zone {Markup.Escape(report.TimeZone)}).");
        }
        else
        {
            var title = allDays ? $"events / users per source and day ({report.TimeZone})" : $"days where sources differ by more than {percent} ({report.TimeZone})";
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).AddColumn("day");
            foreach (var source in report.Sources) table.AddColumn(new TableColumn(Markup.Escape(source.Source)).RightAligned());
            table.AddColumn(new TableColumn("spread (events / users)").RightAligned());
            foreach (var day in days)
            {
                var cells = new List<string> { Day(day.Day) + (day.Partial ? " (partial)" : "") };
                foreach (var source in report.Sources)
                {
                    var count = day.Sources.FirstOrDefault(c => c.Source == source.Source);
                    cells.Add(count is null ? "-" : $"{Terminal.Number(count.Events)} / {Terminal.Number(count.Users)}");
                }
                var spread = $"{Percent(day.EventSpread)} / {Percent(day.UserSpread)}";
                cells.Add(day.Disagrees ? $"[yellow]{spread}[/]" : spread);
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
            if (!allDays) console.MarkupLine($"{Terminal.Number(days.Count)} of {Terminal.Number(report.Days.Count)} days differ; '-' means the source does not cover the day. --all-days lists every day.");
        }

        var identity = report.Identity;
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        grid.AddRow("anonymous ids", Terminal.Number(identity.AnonymousIds));
        grid.AddRow("  linked to a user", Terminal.Number(identity.LinkedAnonymousIds));
        grid.AddRow("  seen with several users (earliest link wins)", Terminal.Number(identity.ConflictingAnonymousIds));
        grid.AddRow("  never linked (visitors)", Terminal.Number(identity.Visitors));
        grid.AddRow("  linked by another source than their events'", Terminal.Number(identity.CrossSourceLinks));
        grid.AddRow("users with linked anonymous ids", Terminal.Number(identity.UsersWithLinkedIds));
        grid.AddRow("anonymous events counted for a user", Terminal.Number(identity.ReattributedEvents));
        grid.AddRow("users seen in several sources", Terminal.Number(identity.UsersInSeveralSources));
        console.Write(new Panel(grid).Header("identity merging").Border(BoxBorder.Rounded));
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
