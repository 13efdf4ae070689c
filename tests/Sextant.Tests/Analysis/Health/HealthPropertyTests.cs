using Sextant.Analysis.Health;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Health;

/// <summary>Invariants of the health score on random data.</summary>
public sealed class HealthPropertyTests
{
    private static readonly string[] Names = ["edit_page", "create_page", "comment", "share_page", "search", "export", "billing"];
    private static readonly string[] Plans = ["free", "plus", "business"];
    private static readonly string[] Segments = ["individual", "small_team", "enterprise"];
    private static readonly DateTime DataEnd = new(2026, 3, 31, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Scores_and_components_stay_in_range_and_an_extra_active_day_never_lowers_frequency()
    {
        for (var seed = 1; seed <= 8; seed++)
        {
            // Given 40 users with random events over the 120 days before the data end.
            var random = new Random(seed);
            var users = new List<UserProfile> { User("z") };
            var events = new List<EventRecord> { At("z", "edit_page", DataEnd.ToString("O")) };
            for (var u = 0; u < 40; u++)
            {
                users.Add(User($"u{u}", segment: Segments[random.Next(Segments.Length)], plan: random.Next(4) == 0 ? null : Plans[random.Next(Plans.Length)]));
                for (var e = random.Next(40); e > 0; e--)
                    events.Add(At($"u{u}", Names[random.Next(Names.Length)], DataEnd.AddMinutes(-random.Next(120 * 24 * 60)).ToString("O")));
            }
            var query = new HealthQuery(ExcludeEvents: ["billing"], FrequencyTargetDays: 1 + random.Next(30),
                Weights: new HealthWeights(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), 0.01 + random.NextDouble()));
            var before = new InMemoryEngine(Load(null, users, [], [.. events])).Run(query);

            // Then every score and component is in range, and the summaries account for every user.
            foreach (var u in before.Users)
            {
                Assert.InRange(u.Score, 0, 100);
                foreach (var component in new[] { u.Recency, u.Frequency, u.Breadth, u.Collaboration, u.Trend, u.Tenure }) Assert.InRange(component, 0, 1);
                Assert.InRange(u.ActiveDaysLast30, 0, 30);
                Assert.InRange(u.DaysSinceActive, 0, 89);
                Assert.Equal(u.Score < query.AtRiskBelow, u.AtRisk);
            }
            Assert.Equal(before.Users.Count, before.Segments.Sum(s => s.Users));
            Assert.Equal(before.Users.Count, before.Histogram.Sum());
            Assert.Equal(before.Deciles.Order(), before.Deciles);

            // When every user gets one more active event on a day in the last 30 (before noon, so the data end stays put).
            foreach (var u in users.Skip(1))
                events.Add(At(u.UserId, "edit_page", DataEnd.Date.AddDays(-random.Next(30)).AddHours(6).ToString("O")));
            var after = new InMemoryEngine(Load(null, users, [], [.. events])).Run(query);

            // Then nobody's frequency or active-day count went down, and nobody left the population.
            var afterByUser = after.Users.ToDictionary(u => u.UserKey, StringComparer.Ordinal);
            foreach (var u in before.Users)
            {
                Assert.True(afterByUser[u.UserKey].Frequency >= u.Frequency, $"seed {seed} {u.UserKey}");
                Assert.True(afterByUser[u.UserKey].ActiveDaysLast30 >= u.ActiveDaysLast30, $"seed {seed} {u.UserKey}");
            }
        }
    }
}
