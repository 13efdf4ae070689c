using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Retention;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant retention</c>: the cohort matrix, its average curve and day-N retention, by range, cohort and breakdowns.</summary>
internal static class RetentionCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var period = new Option<string>("--period") { Description = "day, week or month (default)", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("day", "week", "month");
        var mode = new Option<string>("--mode") { Description = "on (default): active in period k; on_or_after: in k or later", DefaultValueFactory = _ => "on" };
        mode.AcceptOnlyFromAmong("on", "on_or_after");
        var startEvent = new Option<string?>("--start-event") { Description = "Cohort by the first occurrence of this event instead of sign-up" };
        var returnEvent = new Option<string?>("--return-event") { Description = "Only this event counts as a return (default: any active event)" };

        var scope = new ScopeOptions(breakdowns: true, defaultLimit: 10);
        var output = OutOption.Create();
        var command = new Command("retention", "Cohort retention with intervals, partial cells marked") { output, period, mode, startEvent, returnEvent };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var retention = RetentionRequest.Retention(project, RequestOptions.Read(result, [period, mode, startEvent, returnEvent, .. scope.Options]));
            GlobalOptions.NoteEngine(result, project);
            OutOption.Write(result, output, "retention.json", retention, retention: retention);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), retention);
                return Program.ExitOk;
            }
            Terminal.Warnings(console, retention.Warnings);
            Print(console, retention);
            return Program.ExitOk;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, RetentionResult retention)
    {
        var width = Math.Min(13, retention.Cohorts.Count == 0 ? 0 : retention.Cohorts.Max(c => c.Periods.Count));
        var table = new Table().Border(TableBorder.Rounded).Title($"retention by {retention.Period.ToString().ToLowerInvariant()} (partial cells in brackets)").AddColumns("cohort", "size");
        for (var k = 0; k < width; k++) table.AddColumn(new TableColumn(k.ToString(CultureInfo.InvariantCulture)).RightAligned());
        foreach (var cohort in retention.Cohorts)
        {
            var cells = new List<string> { cohort.Cohort, Terminal.Number(cohort.Size) };
            for (var k = 0; k < width; k++)
            {
                if (k >= cohort.Periods.Count) { cells.Add(""); continue; }
                var cell = cohort.Periods[k];
                var text = (cell.Rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
                cells.Add(cell.Complete ? text : Markup.Escape($"[{text}]"));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.MarkupLine("Average (complete cells, weighted by cohort size): " + Markup.Escape(string.Join("  ",
            retention.Average.Take(width).Select(a => $"{a.Period}: {Terminal.Percent(a.Rate)} [{Terminal.Percent(a.CiLow)}–{Terminal.Percent(a.CiHigh)}]"))));
        console.MarkupLine("Day N: " + Markup.Escape(string.Join("  ", retention.DayN.Select(d => d.Eligible == 0 ? $"day {d.Period}: n/a" : $"day {d.Period}: {Terminal.Percent(d.Rate)} of {d.Eligible:N0}"))));
        if (retention.EarlyVsLate is { } compare)
            console.MarkupLine(Markup.Escape($"Period-1 retention, first {compare.EarlyCohorts.Count} vs last {compare.LateCohorts.Count} complete cohorts: {Terminal.Percent(compare.Early.Rate)} → {Terminal.Percent(compare.Late.Rate)} ({Reports.NumberText.SignedPercent(compare.RelativeChange)} relative, p = {compare.PValue:0.0000})."));
        if (retention.Breakdown.Count == 0) return;
        var shown = Math.Min(width, 7);
        var byValue = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"average retention by {retention.BreakdownBy} (95% CI)")).AddColumns("value", "users");
        for (var k = 1; k < shown; k++) byValue.AddColumn(new TableColumn(k.ToString(CultureInfo.InvariantCulture)).RightAligned());
        foreach (var value in retention.Breakdown)
        {
            var cells = new List<string> { Markup.Escape(value.Value), Terminal.Number(value.Users) };
            for (var k = 1; k < shown; k++)
                cells.Add(k < value.Average.Count && value.Average[k].Eligible > 0
                    ? Markup.Escape($"{Terminal.Percent(value.Average[k].Rate)} [{Terminal.Percent(value.Average[k].CiLow)}–{Terminal.Percent(value.Average[k].CiHigh)}]")
                    : "-");
            byValue.AddRow(cells.ToArray());
        }
        console.Write(byValue);
    }
}
