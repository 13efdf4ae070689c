using System.CommandLine;
using Sextant.Cli.Output;
using Sextant.Reports.Tables;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant export</c>: the events and every result table (engagement series, funnel, retention
/// matrix, revenue, LTV, experiment arms, user health …) as CSV, Parquet or one SQLite file.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var format = new Option<string>("--format") { Description = "csv, parquet or sqlite (default: csv)", DefaultValueFactory = _ => "csv" };
        var output = new Option<string>("--out") { Description = "Directory for the files (default: export)", DefaultValueFactory = _ => "export" };
        var what = new Option<string>("--tables") { Description = "events, results or all (default: all)", DefaultValueFactory = _ => "all" };
        var command = new Command("export", "Write the events and every result table as CSV, Parquet or a SQLite file, for sqlite3, DuckDB or a BI tool") { format, output, what };
        command.SetAction(result =>
        {
            var exportFormat = TableExport.ParseFormat(result.GetValue(format)!);
            var selection = result.GetValue(what)!.ToLowerInvariant();
            if (selection is not ("events" or "results" or "all"))
                throw new SextantException($"--tables '{result.GetValue(what)}' is not a selection (expected events, results or all)");
            var project = globals.OpenProject(result);
            var tables = new List<ResultTable>();
            if (selection is "events" or "all") tables.Add(ExportTables.Events(project.Table));
            if (selection is "results" or "all") tables.AddRange(ExportTables.Results(project.Report()));
            var files = TableExport.Write(tables, exportFormat, Path.GetFullPath(result.GetValue(output)!));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), new { Format = exportFormat.ToString().ToLowerInvariant(), Files = files, Tables = tables.Select(t => new { t.Name, Rows = t.Rows.Count }) });
                return Program.ExitOk;
            }
            var console = Terminal.For(result);
            console.MarkupLine(Markup.Escape($"Exported {tables.Count} tables as {exportFormat.ToString().ToLowerInvariant()}:"));
            foreach (var table in tables) console.MarkupLine(Markup.Escape($"  {table.Name}: {table.Rows.Count:N0} rows"));
            console.MarkupLine(Markup.Escape($"into {Path.GetFullPath(result.GetValue(output)!)}"));
            return Program.ExitOk;
        });
        return command;
    }
}
