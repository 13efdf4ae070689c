using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Engagement;

/// <summary>Invariants of the engagement metrics on random data.</summary>
public sealed class EngagementPropertyTests
{
    private static readonly string[] Segments = ["individual", "small_team", "enterprise"];

    [Fact]
    public void Rolling_counts_nest_rates_stay_in_range_and_lifecycle_accounts_for_every_active_user()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var random = new Random(seed);
            var users = new List<UserProfile>();
            var events = new List<EventRecord>();
            for (var u = 0; u < 60; u++)
            {
                var signup = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(24 * 60));
                users.Add(User($"u{u}", signup.ToString("O"), Segments[random.Next(Segments.Length)], $"w{random.Next(8)}"));
                var at = signup;
                events.Add(At($"u{u}", "signup", at.ToString("O")));
                for (var e = random.Next(15); e > 0; e--)
                {
                    at = at.AddMinutes(random.Next(0, 9000));
                    events.Add(At($"u{u}", new[] { "edit", "comment", "share_page", "search" }[random.Next(4)], at.ToString("O")));
                }
            }
            var table = Load(null, users, [], [.. events]);

            var result = new InMemoryEngine(table).Run(new EngagementQuery(Breakdowns: [Breakdown.Profile("segment")], LifecyclePeriod: seed % 2 == 0 ? Sextant.Analysis.CalendarPeriod.Month : Sextant.Analysis.CalendarPeriod.Week));

            for (var i = 0; i < result.Dau.Count; i++)
            {
                Assert.True(result.Dau[i].Users <= result.Wau[i].Users && result.Wau[i].Users <= result.Mau[i].Users, $"seed {seed} day {i}");
                Assert.InRange(result.Stickiness.Daily[i].Value, 0, 1);
            }
            Assert.Equal(result.Mau[^1].Users, result.Breakdown.Sum(b => b.Mau));
            Assert.All(result.FeatureAdoption, f => Assert.InRange(f.Rate, f.CiLow, f.CiHigh));
            Assert.InRange(result.Concentration.Gini, 0, 1);
            Assert.InRange(result.Concentration.TopTenPercentShare, 0.1 - 1e-12, 1);
            Assert.Equal(result.PowerUsers.L30.Sum(b => b.Users), result.Mau.Single(d => d.Date == result.PowerUsers.EndDate).Users);

            // Every active user of a period is new, returning or resurrecting; last period's actives either return or go dormant.
            var actives = (result.Lifecycle.Period == Sextant.Analysis.CalendarPeriod.Week ? result.Weekly : result.Monthly).ToDictionary(p => p.Period, p => p.Users);
            var periods = result.Lifecycle.Periods;
            for (var p = 0; p < periods.Count; p++)
            {
                Assert.Equal(actives.GetValueOrDefault(periods[p].Period), periods[p].New + periods[p].Returning + periods[p].Resurrecting);
                if (p > 0) Assert.Equal(actives.GetValueOrDefault(periods[p - 1].Period), periods[p].Returning - periods[p].Dormant);
            }
        }
    }
}
