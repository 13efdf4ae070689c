using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Alerts;

public sealed class AlertsCommandTests(AnomalyScenarioFixture scenario) : IClassFixture<AnomalyScenarioFixture>
{
    private string From => AnomalyScenarioFixture.Scenario.To.AddDays(-44).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private (int Code, string Out, string Error) Run(params string[] args) => InProcessCli.Run(["alerts", "--store", scenario.AnomalyStore, "--from", From, .. args]);

    [Fact]
    public void The_table_lists_each_alert_and_a_line_per_series_and_the_command_exits_1()
    {
        var (code, output, error) = Run();

        Assert.Equal((1, ""), (code, error));
        Assert.Contains("│ day ", output, StringComparison.Ordinal);
        var outage = scenario.Anomalies.First(a => a.Cause == "outage").Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(output.Split('\n'), line => line.Contains(outage, StringComparison.Ordinal) && line.Contains("│ events ", StringComparison.Ordinal) && line.Contains("drop", StringComparison.Ordinal));
        foreach (var metric in new[] { "events", "active_users", "signups", "revenue", "funnel:collaboration_to_paid", "source:synthetic" })
            Assert.Contains(output.Split('\n'), line => line.StartsWith(metric + " (default, both, |z| > 4): ", StringComparison.Ordinal) && line.Contains("days judged", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_lists_every_series_day_and_alert()
    {
        var (code, output, _) = Run("--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("fired").GetBoolean());
        var alerts = root.GetProperty("alerts").EnumerateArray().ToList();
        Assert.All(scenario.Anomalies, planted => Assert.Contains(alerts, a => a.GetProperty("day").GetString() == planted.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            && a.GetProperty("metric").GetString() == planted.Metric && a.GetProperty("direction").GetString() == planted.Kind));
        var events = root.GetProperty("series").EnumerateArray().First(s => s.GetProperty("metric").GetString() == "events");
        Assert.Equal(events.GetProperty("days_judged").GetInt32() + events.GetProperty("days_not_judged").GetInt32(), events.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public void Nothing_judged_is_no_alert_and_exits_0()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.csv", "event_id,user_id,event,timestamp\ne1,u1,open,2026-01-01T10:00:00Z\ne2,u1,open,2026-01-02T10:00:00Z\n");

        var (code, output, error) = InProcessCli.Run("alerts", "--store", fixture.StorePath);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("No alert", output, StringComparison.Ordinal);
        Assert.Contains("events (default, both, |z| > 4): 0 days judged (2026-01-01 to 2026-01-01), 0 alerts; not judged: 1 with under 42 days of history", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--days", "0" }, "sextant: --days must be at least 1, got 0")]
    [InlineData(new[] { "--days", "3", "--to", "2025-06-01" }, "sextant: --days cannot be combined with --from/--to: give a number of days or a range")]
    [InlineData(new[] { "--webhook", "ftp://example.com/x" }, "sextant: --webhook expects an http:// or https:// URL, got 'ftp://example.com/x'")]
    public void A_usage_error_is_one_line_and_exits_2(string[] args, string message)
    {
        var (code, output, error) = InProcessCli.Run(["alerts", "--store", scenario.CleanStore, .. args]);

        Assert.Equal((2, "", message), (code, output, error.TrimEnd('\n')));
    }

    [Fact]
    public async Task A_fired_alert_is_posted_to_the_webhook_and_the_command_still_exits_1()
    {
        using var receiver = new LoopbackReceiver();

        var (code, _, error) = await Task.Run(() => Run("--webhook", receiver.Url));

        Assert.True((code, error) == (1, ""), $"exit {code}: {error}");
        var (_, _, body) = Assert.Single(receiver.Requests);
        using var json = JsonDocument.Parse(body);
        Assert.Contains(json.RootElement.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("metric").GetString() == "signups");
    }

    [Fact]
    public async Task A_webhook_that_fails_twice_is_one_line_on_stderr_and_exit_code_3()
    {
        using var receiver = new LoopbackReceiver(status: 503);

        var (code, _, error) = await Task.Run(() => Run("--webhook", receiver.Url, "--json"));

        Assert.Equal(3, code);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("sextant: the alert webhook at http://127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", error, StringComparison.Ordinal);
    }
}
