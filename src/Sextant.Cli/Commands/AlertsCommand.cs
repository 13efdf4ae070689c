using System.CommandLine;
using System.Globalization;
using Sextant.Analysis.Alerts;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant alerts</c>: judges the last days of every watched daily series against its seasonal
/// baseline (docs/ALERTS.md); exits 1 when an alert fires, 3 when the webhook could not be reached.
/// </summary>
internal static class AlertsCommand
{
    /// <summary>The exit code when alerts were judged but the webhook could not be delivered (docs/CLI.md).</summary>
    public const int ExitWebhookFailed = 3;

    public static Command Create(GlobalOptions globals)
    {
        var from = new Option<string?>("--from") { Description = "First day to judge (a day in the project time zone, or an instant); replaces --days" };
        var to = new Option<string?>("--to") { Description = "Last day to judge (that whole day); replaces --days" };
        var days = new Option<int?>("--days") { Description = "Judge the last N complete days of each series (default 7)" };
        var webhook = new Option<string?>("--webhook") { Description = "POST the alerts as JSON to this http(s) URL when any fires (default: alerts.webhook in sextant.yaml)" };
        var command = new Command("alerts", "Judge daily series (events, DAU, sign-ups, revenue, funnels, sources) against a seasonal baseline; exit 1 when an alert fires")
        { from, to, days, webhook };
        command.SetAction(async (result, cancel) =>
        {
            var fromText = result.GetValue(from);
            var toText = result.GetValue(to);
            var dayCount = result.GetValue(days);
            if (dayCount is not null && (fromText is not null || toText is not null))
                throw new SextantException("--days cannot be combined with --from/--to: give a number of days or a range");
            if (dayCount is < 1) throw new SextantException($"--days must be at least 1, got {dayCount}");
            var url = WebhookUrl(result.GetValue(webhook));
            var project = globals.OpenProject(result);
            var window = new AlertWindow(dayCount ?? AlertWindow.DefaultDays);
            if (fromText is not null || toText is not null)
            {
                var range = project.Range(fromText, toText);
                var calendar = project.Calendar;
                window = window with
                {
                    From = range.From is { } f ? DateOnly.FromDayNumber(calendar.DayOf(f.UnixMicroseconds)) : null,
                    To = range.To is { } t ? DateOnly.FromDayNumber(calendar.DayOf(t.UnixMicroseconds - 1) + 1) : null,
                };
            }
            var alerts = AlertRunner.Run(project.Table, project.Config, window);
            if (result.GetValue(globals.Json)) ResultJson.Write(Terminal.Out(result), alerts);
            else Print(Terminal.For(result), alerts);
            var webhookUrl = url ?? (project.Config.Alerts.Webhook is { } configured ? new Uri(configured) : null);
            if (webhookUrl is not null && alerts.Fired)
            {
                var delivery = await AlertWebhook.PostAsync(webhookUrl, alerts, cancel: cancel);
                if (!delivery.Delivered)
                {
                    (result.InvocationConfiguration.Error ?? Console.Error).WriteLine("sextant: " + delivery.Error);
                    return ExitWebhookFailed;
                }
            }
            return alerts.Fired ? Program.ExitFailed : Program.ExitOk;
        });
        return command;
    }

    private static Uri? WebhookUrl(string? text)
    {
        if (text is null) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new SextantException($"--webhook expects an http:// or https:// URL, got '{text}'");
    }

    private static void Print(IAnsiConsole console, AlertsResult result)
    {
        if (result.Alerts.Count == 0)
        {
            console.MarkupLine("[green]No alert[/]: every judged day is within its rule.");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"alerts ({Markup.Escape(result.TimeZone)})")
                .AddColumns("day", "metric", "value", "expected", "z", "direction", "rule");
            foreach (var column in table.Columns.Skip(2).Take(3)) column.RightAligned();
            foreach (var alert in result.Alerts)
                table.AddRow(Day(alert.Day), Markup.Escape(alert.Metric), Value(alert.Metric, alert.Value), Value(alert.Metric, alert.Expected),
                    alert.Z.ToString("+0.0;-0.0", CultureInfo.InvariantCulture),
                    alert.Direction == AlertDirection.Drop ? "[red]drop[/]" : "[yellow]spike[/]",
                    Markup.Escape($"{alert.Rule}: |z| > {alert.Sensitivity.ToString("0.##", CultureInfo.InvariantCulture)}"));
            console.Write(table);
        }
        foreach (var series in result.Series)
            console.MarkupLine(Markup.Escape($"{series.Metric} ({series.Rule}, {series.Direction}, |z| > {series.Sensitivity.ToString("0.##", CultureInfo.InvariantCulture)}): {series.Note}"));
    }

    private static string Value(string metric, double value) =>
        metric.StartsWith(DailySeriesBuilder.FunnelPrefix, StringComparison.Ordinal) ? Terminal.Percent(value)
        : metric == DailySeriesBuilder.Revenue ? value.ToString("N2", CultureInfo.InvariantCulture)
        : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
