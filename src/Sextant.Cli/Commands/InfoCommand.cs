using System.CommandLine;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant info</c>: what the store holds.</summary>
internal static class InfoCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var top = new Option<int>("--top") { Description = "How many of the most frequent events to list", DefaultValueFactory = _ => InfoRequest.DefaultTop };
        var command = new Command("info", "Show counts per record kind, date range, users and top events") { top };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            var error = result.InvocationConfiguration.Error ?? Console.Error;
            var info = InfoRequest.Info(storePath, RequestOptions.Read(result, [top]), notice: message => error.WriteLine("note: " + message));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), info);
                return Program.ExitOk;
            }

            var summary = new Grid().AddColumn().AddColumn();
            summary.AddRow("store", Markup.Escape(info.Store));
            summary.AddRow("events", Terminal.Number(info.Events));
            summary.AddRow("users (profiles)", Terminal.Number(info.Users));
            summary.AddRow("identified users", Terminal.Number(info.IdentifiedUsers));
            summary.AddRow("visitors (never identified)", Terminal.Number(info.Visitors));
            summary.AddRow("subscriptions", Terminal.Number(info.Subscriptions));
            summary.AddRow("assignments", Terminal.Number(info.Assignments));
            summary.AddRow("first event", info.FirstEvent?.ToString() ?? "-");
            summary.AddRow("last event", info.LastEvent?.ToString() ?? "-");
            summary.AddRow("distinct events", Terminal.Number(info.EventNames));
            summary.AddRow("files ingested", Terminal.Number(info.IngestRuns));
            summary.AddRow("file size", $"{info.FileBytes / 1024.0 / 1024.0:F1} MiB");
            console.Write(summary);

            var table = new Table().Border(TableBorder.Rounded).Title("top events").AddColumns("event", "events", "users");
            table.Columns[1].RightAligned();
            table.Columns[2].RightAligned();
            foreach (var row in info.TopEvents) table.AddRow(Markup.Escape(row.Event), Terminal.Number(row.Count), Terminal.Number(row.Users));
            console.Write(table);
            return Program.ExitOk;
        });
        return command;
    }
}
