using Sextant.Analysis.Alerts;
using Sextant.Events;
using Sextant.Synthetic;

namespace Sextant.Tests.Alerts;

public sealed class PlantedAnomalyTests(AnomalyScenarioFixture scenario) : IClassFixture<AnomalyScenarioFixture>
{
    /// <summary>The share of judged day × series the default rules flag on anomaly-free generated data, at most (docs/ALERTS.md, False alarms).</summary>
    private const double DocumentedFalseAlarmRate = 0.02;

    /// <summary>The last 45 days of the scenario: every planted day, and the days around them.</summary>
    private static AlertWindow Window => new(From: AnomalyScenarioFixture.Scenario.To.AddDays(-44), To: AnomalyScenarioFixture.Scenario.To.AddDays(1));

    [Fact]
    public void Generate_with_anomalies_plants_each_kind_and_lists_it_in_the_truth()
    {
        Assert.Equal(["outage", "tracking_bug", "bot_traffic", "signup_outage"], scenario.Anomalies.Select(a => a.Cause).Distinct());
        Assert.All(scenario.Anomalies, a => Assert.Equal(a.Kind == "drop", a.Size < 0));
        Assert.Contains(scenario.Anomalies, a => a.Kind == "spike");
    }

    [Fact]
    public void Every_planted_anomaly_is_found_on_its_day_metric_and_direction()
    {
        var result = AlertRunner.Run(scenario.AnomalyTable, ScenarioAnalyses.Config(scenario.Truth), Window);

        foreach (var planted in scenario.Anomalies)
        {
            var direction = planted.Kind == "drop" ? AlertDirection.Drop : AlertDirection.Spike;
            Assert.True(result.Alerts.Any(a => a.Day == planted.Date && a.Metric == planted.Metric && a.Direction == direction),
                $"{planted} was not found; alerts: {string.Join("; ", result.Alerts.Select(a => $"{a.Day} {a.Metric} {a.Z:0.0}"))}");
        }
    }

    [Fact]
    public void On_the_same_data_without_anomalies_no_more_days_are_flagged_than_the_documented_rate()
    {
        var result = AlertRunner.Run(scenario.CleanTable, ScenarioAnalyses.Config(scenario.Truth), Window);

        var judged = result.Series.Sum(s => s.DaysJudged);
        var rate = result.Alerts.Count / (double)judged;
        Assert.True(judged >= 5 * 40, $"only {judged} day × series judged");
        Assert.True(rate <= DocumentedFalseAlarmRate, $"{result.Alerts.Count} of {judged} flagged ({rate:P2}): {string.Join("; ", result.Alerts.Select(a => $"{a.Day} {a.Metric} {a.Z:0.0}"))}");
    }

    [Fact]
    public void Planting_changes_nothing_outside_the_planted_days_but_the_people_who_never_signed_up()
    {
        var clean = NotionGenerator.Generate(AnomalyScenarioFixture.Scenario with { Users = 2_000 });
        var planted = AnomalyPlanter.Plant(clean);
        var days = planted.Truth.Anomalies!.Select(a => a.Date).ToHashSet();
        var gone = clean.Users.Select(u => u.UserId).Except(planted.Users.Select(u => u.UserId)).ToHashSet();

        static DateOnly Day(Timestamp at) => DateOnly.FromDateTime(at.ToDateTimeOffset().UtcDateTime);
        var kept = clean.Events.Where(e => !days.Contains(Day(e.Timestamp)) && (e.UserId is null || !gone.Contains(e.UserId))).ToList();
        Assert.Equal(kept, planted.Events.Where(e => !days.Contains(Day(e.Timestamp))));
        Assert.All(gone, id => Assert.Contains(planted.Truth.Anomalies!, a => a.Cause == "signup_outage" && Day(clean.Users.Single(u => u.UserId == id).SignupAt!.Value) == a.Date));
    }

    [Fact]
    public void Without_the_flag_truth_json_has_no_anomalies()
    {
        Assert.DoesNotContain("anomalies", ScenarioFiles.TruthJson(NotionGenerator.Generate(AnomalyScenarioFixture.Scenario with { Users = 200 }).Truth), StringComparison.Ordinal);
        Assert.Contains("\"anomalies\"", ScenarioFiles.TruthJson(scenario.Truth), StringComparison.Ordinal);
    }
}
