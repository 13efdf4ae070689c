using Sextant.Analysis.Alerts;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Tests.Support;

namespace Sextant.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static SextantConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "sextant.yaml");

    private static string Error(string yaml) => Assert.Throws<SextantException>(() => Parse(yaml)).Message;

    /// <summary>Two days of events from the source "web" and no revenue.</summary>
    private static EventTable Table(StoreFixture fixture)
    {
        fixture.Ingest("events.jsonl", """
            {"event_id":"e1","user_id":"u1","event":"open","timestamp":"2025-03-01T09:00:00Z","source":"web"}
            {"event_id":"e2","user_id":"u1","event":"open","timestamp":"2025-03-02T09:00:00Z","source":"web"}

            """);
        return fixture.Load();
    }

    [Fact]
    public void Rules_bind_their_metric_sensitivity_direction_and_volume()
    {
        var config = Parse("""
            funnels:
              - {name: onboarding, steps: [signup, create_page]}
            alerts:
              webhook: https://hooks.example.com/alerts
              rules:
                - metric: active_users
                  sensitivity: high
                  direction: drop
                  min_volume: 50
                - {metric: "funnel:onboarding", sensitivity: 2.5}
            """);

        Assert.Equal("https://hooks.example.com/alerts", config.Alerts.Webhook);
        var (first, second) = (config.Alerts.Rules[0], config.Alerts.Rules[1]);
        Assert.Equal(("active_users", 3.0, "drop", 50.0), (first.Metric, first.Sensitivity, first.Direction, first.MinVolume));
        Assert.Equal(("funnel:onboarding", 2.5, "both", AlertRuleConfig.DefaultMinVolume), (second.Metric, second.Sensitivity, second.Direction, second.MinVolume));
        Assert.Equal("sextant.yaml line 6", first.Location);
    }

    [Fact]
    public void No_alerts_section_means_no_webhook_and_no_rules()
    {
        Assert.Equal(new AlertsConfig(), Parse("alerts:\n  webhook: null\n  rules: []\n").Alerts);
        Assert.Equal(SextantConfig.Default.Alerts, Parse("timezone: UTC\n").Alerts);
    }

    [Theory]
    [InlineData("- metric: bogus", "sextant.yaml line 3: 'alerts.rules[0]' metric expects events | active_users | signups | revenue | funnel:NAME | source:NAME, got 'bogus'")]
    [InlineData("- metric: \"funnel:nope\"", "sextant.yaml line 3: 'alerts.rules[0]' metric 'funnel:nope' names a funnel, but sextant.yaml defines none (funnels:)")]
    [InlineData("- {metric: events, sensitivity: extreme}", "sextant.yaml line 3: 'alerts.rules[0].sensitivity' expects a positive number (|z| that fires) or low | medium | high, got 'extreme'")]
    [InlineData("- {metric: events, sensitivity: 0}", "sextant.yaml line 3: 'alerts.rules[0].sensitivity' expects a positive number (|z| that fires) or low | medium | high, got '0'")]
    [InlineData("- {metric: events, direction: up}", "sextant.yaml line 3: 'alerts.rules[0].direction' expects one of both | drop | spike, got 'up'")]
    [InlineData("- {metric: events, min_volume: -1}", "sextant.yaml line 3: 'alerts.rules[0].min_volume' expects a number of 0 or more, got '-1'")]
    [InlineData("- {metric: events, threshold: 3}", "sextant.yaml line 3: unknown key 'alerts.rules[0].threshold' (expected one of: metric, sensitivity, direction, min_volume)")]
    [InlineData("- {sensitivity: 3}", "sextant.yaml line 3: 'alerts.rules[0]' needs a metric (events | active_users | signups | revenue | funnel:NAME | source:NAME)")]
    public void A_bad_rule_is_an_error_naming_its_line(string rule, string message) =>
        Assert.Equal(message, Error("alerts:\n  rules:\n    " + rule + "\n"));

    [Fact]
    public void A_webhook_that_is_not_http_is_an_error_naming_its_line() =>
        Assert.Equal("sextant.yaml line 2: 'alerts.webhook' expects an http:// or https:// URL, got 'ftp://example.com'", Error("alerts:\n  webhook: ftp://example.com\n"));

    [Fact]
    public void A_source_the_store_does_not_contain_is_an_error_naming_the_rules_line()
    {
        using var fixture = new StoreFixture();
        var table = Table(fixture);
        var config = Parse("alerts:\n  rules:\n    - metric: events\n    - metric: \"source:ios\"\n");

        var error = Assert.Throws<SextantException>(() => AlertRunner.Run(table, config, new AlertWindow()));

        Assert.Equal("sextant.yaml line 4: alerts.rules[1] metric 'source:ios' names a source the store does not contain (sources: web)", error.Message);
    }

    [Fact]
    public void Revenue_no_event_carries_is_an_error_not_a_zero()
    {
        using var fixture = new StoreFixture();
        var table = Table(fixture);

        var error = Assert.Throws<SextantException>(() => AlertRunner.Run(table, Parse("alerts:\n  rules:\n    - metric: revenue\n"), new AlertWindow()));

        Assert.Equal("sextant.yaml line 3: alerts.rules[0] metric 'revenue': no stored event carries revenue", error.Message);
    }

    [Fact]
    public void Without_rules_every_series_is_watched_with_the_default_rule_and_revenue_only_when_some_event_carries_it()
    {
        using var fixture = new StoreFixture();
        var table = Table(fixture);

        var result = AlertRunner.Run(table, SextantConfig.Default, new AlertWindow());

        Assert.Equal(["events", "active_users", "signups", "source:web"], result.Series.Select(s => s.Metric));
        Assert.All(result.Series, s => Assert.Equal((AlertRunner.DefaultRule, AlertRuleConfig.DefaultSensitivity, "both"), (s.Rule, s.Sensitivity, s.Direction)));
        // Two days, the last incomplete: one complete day, far too little history to judge.
        Assert.All(result.Series, s => Assert.Equal((0, 1), (s.DaysJudged, s.DaysNotJudged)));
        Assert.All(result.Series, s => Assert.Equal(AlertDayStatus.NotEnoughHistory, Assert.Single(s.Days).Status));
        Assert.False(result.Fired);
    }
}
