using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Impact;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant impact FEATURE</c>: adopters vs non-adopters, naive and confounder-adjusted, with revenue at business scale.</summary>
internal static class ImpactCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var feature = new Argument<string>("feature") { Description = "The feature's event" };
        var outcome = new Option<string>("--outcome") { Description = "upgrade (default; also conversion), retention or revenue", DefaultValueFactory = _ => "upgrade" };
        outcome.AcceptOnlyFromAmong("upgrade", "conversion", "retention", "revenue");
        var days = new Option<int>("--adoption-days") { Description = "Adopters used the feature within this many days of sign-up (default 7)", DefaultValueFactory = _ => 7 };
        var scope = new ScopeOptions(breakdowns: true);
        var command = new Command("impact", "A feature's association with upgrade, retention or revenue, adjusted for confounders") { feature, outcome, days };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var impact = ImpactRequest.Impact(project, RequestOptions.Read(result, [outcome, days, .. scope.Options], [feature]));
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), impact);
                return Program.ExitOk;
            }
            console.MarkupLine(Markup.Escape($"{impact.Feature} → {impact.Outcome.ToString().ToLowerInvariant()}: {impact.Adopters:N0} adopters of {impact.Eligible:N0} eligible users; " +
                $"adopters {Number(impact.AdopterMean)}, non-adopters {Number(impact.NonAdopterMean)}."));
            console.MarkupLine(Markup.Escape($"  naive difference     {Number(impact.Naive.Difference)} [{Number(impact.Naive.CiLow)}, {Number(impact.Naive.CiHigh)}]"));
            console.MarkupLine(Markup.Escape($"  adjusted difference  {Number(impact.Adjusted.Difference)} [{Number(impact.Adjusted.CiLow)}, {Number(impact.Adjusted.CiHigh)}] (propensity strata; {impact.AdoptersDropped:N0} adopters without comparable non-adopters left out)"));
            console.MarkupLine(Markup.Escape($"  incremental annual revenue in the sample: ${impact.IncrementalAnnualRevenue.ToString("N0", CultureInfo.InvariantCulture)} (one unit of outcome = {impact.ValuePerUnit})" +
                (impact.IncrementalAnnualRevenueExtrapolated is { } scaled ? $"; at business.mau scale (extrapolated): ${scaled.ToString("N0", CultureInfo.InvariantCulture)}" : "")));
            console.MarkupLine(Markup.Escape($"  adjusted for: {string.Join(", ", impact.Covariates)}. This is an {impact.Statement}."));
            if (impact.Groups is { } groups) console.Write(GroupTable(groups));
            return Program.ExitOk;
        });
        return command;
    }

    private static Table GroupTable(IReadOnlyList<ImpactGroup> groups)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("by group").AddColumns("group", "eligible", "adopters", "non-adopters", "naive", "adjusted", "note");
        foreach (var column in table.Columns.Skip(1).Take(5)) column.RightAligned();
        foreach (var g in groups)
            table.AddRow(Markup.Escape(g.Value), $"{g.Eligible:N0}", $"{g.Adopters:N0}", $"{g.NonAdopters:N0}",
                g.Naive is { } naive ? Number(naive.Difference) : "—", g.Adjusted is { } adjusted ? Number(adjusted.Difference) : "—", Markup.Escape(g.Reason ?? ""));
        return table;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
