using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Paths;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant paths</c>: top user journeys, Sankey edges, drop-off, converters and the feature network.</summary>
internal static class PathsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var start = new Option<string?>("--start") { Description = "Paths begin at the sequence's first occurrence of this event" };
        var end = new Option<string?>("--end") { Description = "Paths end at the sequence's last occurrence of this event" };
        var steps = new Option<int>("--steps") { Description = "Steps per path (default 5)", DefaultValueFactory = _ => 5 };
        var gap = new Option<string>("--session-gap") { Description = "Inactivity that splits sessions (default 30m; 0 = whole history)", DefaultValueFactory = _ => "30m" };
        var clean = new Option<string[]>("--clean") { Description = "Rename events: REGEX=REPLACEMENT, applied in order (repeatable)", AllowMultipleArgumentsPerToken = false };
        var top = new Option<int>("--top") { Description = "Paths shown (default 50)", DefaultValueFactory = _ => 50 };
        var converted = new Option<string?>("--converted") { Description = "Conversion event: which paths precede it, with rates" };
        var scopeOptions = new ScopeOptions(breakdowns: true);
        var command = new Command("paths", "User journeys: top paths, Sankey edges, drop-off, converters, feature network") { start, end, steps, gap, clean, top, converted };
        scopeOptions.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var paths = PathsRequest.Paths(project, RequestOptions.Read(result, [start, end, steps, gap, clean, top, converted, .. scopeOptions.Options]));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), paths);
                return Program.ExitOk;
            }
            Terminal.Warnings(console, paths.Warnings);
            Print(console, paths);
            return Program.ExitOk;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, PathResult paths)
    {
        console.MarkupLine($"{Terminal.Number(paths.Sequences)} sequences, {Terminal.Number(paths.SequencesWithPath)} with a path, {Terminal.Number(paths.UniquePaths)} distinct paths, {Terminal.Number(paths.Users)} users.");
        var table = new Table().Border(TableBorder.Rounded).Title("top paths").AddColumns("path", "sequences", "users", "share");
        foreach (var path in paths.Paths.Take(20))
            table.AddRow(Markup.Escape(string.Join(" → ", path.Steps)), Terminal.Number(path.Count), Terminal.Number(path.Users), Terminal.Percent(path.Share));
        console.Write(table);
        if (paths.Conversion is { } conversion)
        {
            var converters = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"paths before {conversion.Event} (association; overall {Terminal.Percent(conversion.Rate)})"))
                .AddColumns("path", "sequences", "converted", "rate (95% CI)", "rest");
            foreach (var path in conversion.Paths.OrderByDescending(p => p.Rate).Take(10))
                converters.AddRow(Markup.Escape(string.Join(" → ", path.Steps)), Terminal.Number(path.Sequences), Terminal.Number(path.Converted),
                    Markup.Escape($"{Terminal.Percent(path.Rate)} [{Terminal.Percent(path.CiLow)}–{Terminal.Percent(path.CiHigh)}]"), Terminal.Percent(path.RestRate));
            console.Write(converters);
        }
        foreach (var group in paths.Groups ?? [])
        {
            var groupTable = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"top paths: {group.Value} ({group.Users:N0} users)")).AddColumns("path", "sequences", "users", "share");
            foreach (var path in group.Paths.Take(5))
                groupTable.AddRow(Markup.Escape(string.Join(" → ", path.Steps)), Terminal.Number(path.Count), Terminal.Number(path.Users), Terminal.Percent(path.Share));
            console.Write(groupTable);
        }
        foreach (var pair in paths.Network.Pairs.Take(5))
            console.MarkupLine(Markup.Escape($"co-usage {pair.A} + {pair.B}: {pair.Users:N0} users, lift {pair.Lift.ToString("0.00", CultureInfo.InvariantCulture)}"));
    }
}
