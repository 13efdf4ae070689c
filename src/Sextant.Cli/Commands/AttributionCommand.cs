using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Impact;
using Sextant.Application.Requests;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant attribution</c>: subscription revenue credited to channels by first-touch, last-touch, linear and time-decay models.</summary>
internal static class AttributionCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var property = new Option<string>("--touch-property") { Description = "Event property naming the channel of a touch (default utm_source)", DefaultValueFactory = _ => "utm_source" };
        var halfLife = new Option<string>("--half-life") { Description = "Time-decay half-life before the first payment (default 7d)", DefaultValueFactory = _ => "7d" };
        var scope = new ScopeOptions(breakdowns: true);
        var command = new Command("attribution", "Revenue by channel: first-touch, last-touch, linear and time-decay") { property, halfLife };
        scope.AddTo(command);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var attribution = AttributionRequest.Attribution(project, RequestOptions.Read(result, [property, halfLife, .. scope.Options]));
            if (result.GetValue(globals.Json))
            {
                // Without breakdowns the JSON stays the bare array of channel credits.
                ResultJson.Write(Terminal.Out(result), AttributionRequest.Answer(attribution));
                return Program.ExitOk;
            }
            console.Write(CreditTable("revenue by channel", attribution.Credits));
            foreach (var group in attribution.Groups ?? [])
                console.Write(CreditTable($"{group.Value} ({group.Users:N0} paying users)", group.Credits));
            console.MarkupLine("Users without touches are credited to their profile's acquisition channel at sign-up.");
            return Program.ExitOk;
        });
        return command;
    }

    private static Table CreditTable(string title, IReadOnlyList<ChannelCredit> credits)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).AddColumns("channel", "first touch", "last touch", "linear", "time decay");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var c in credits) table.AddRow(Markup.Escape(c.Channel), Money(c.FirstTouch), Money(c.LastTouch), Money(c.Linear), Money(c.TimeDecay));
        return table;
    }

    private static string Money(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
