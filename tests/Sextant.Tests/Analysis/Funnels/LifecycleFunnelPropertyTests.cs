using System.Text;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class LifecycleFunnelPropertyTests
{
    private static readonly string[] Segments = ["individual", "small_team", "enterprise"];
    private static readonly string[] Names = ["signup", "create_page", "edit_page", "view_page", "comment", "upgrade", "billing"];

    [Fact]
    public void Stage_counts_never_grow_rates_stay_in_range_and_breakdowns_sum_to_the_signed_up_users()
    {
        var query = DemoSettings.LifecycleQuery with
        {
            EngagementActiveDays = 2,
            EngagementWithinDays = 10,
            HabitActiveWeeks = 2,
            HabitWithinWeeks = 3,
            ExcludeEvents = ["billing"],
            Breakdowns = [Breakdown.Profile("segment")],
        };
        long habitual = 0, censored = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            using var fixture = new StoreFixture();
            var users = new StringBuilder("user_id,segment\n");
            var events = new StringBuilder("event_id,user_id,anonymous_id,event,timestamp\n");
            var id = 0;
            for (var u = 0; u < 60; u++)
            {
                var visitor = u % 5 == 0;
                if (!visitor) users.Append($"u{u},{Segments[random.Next(Segments.Length)]}\n");
                var at = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(24 * 40));
                for (var e = random.Next(1, 25); e > 0; e--)
                {
                    at = at.AddMinutes(random.Next(0, 4000));
                    var who = visitor ? $",v{u}" : $"u{u},";
                    events.Append($"e{id++},{who},{Names[random.Next(Names.Length)]},{at:yyyy-MM-ddTHH:mm:ssZ}\n");
                }
            }
            fixture.Ingest("users.csv", users.ToString());
            fixture.Ingest("events.csv", events.ToString());
            var table = fixture.Load();

            // Every other seed ends the data early, so that windows are cut and later events ignored.
            long? asOf = seed % 2 == 0 ? new DateTimeOffset(2024, 1, 28, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000 : null;
            var result = new InMemoryEngine(table).Run(query with { Range = TimeRange.UpTo(asOf) });

            Assert.Equal(LifecycleFunnelShaper.StageNames.Count, result.Steps.Count);
            for (var k = 1; k < result.Steps.Count; k++) Assert.True(result.Steps[k].Users <= result.Steps[k - 1].Users, $"seed {seed} stage {k}");
            Assert.All(result.Steps, s =>
            {
                Assert.InRange(s.ConversionFromPrevious, 0, 1);
                Assert.InRange(s.ConversionFromStart, 0, 1);
                Assert.True(s.CiLow <= s.ConversionFromPrevious + 1e-12 && s.ConversionFromPrevious <= s.CiHigh + 1e-12, $"seed {seed} {s.Name}");
            });
            var notYetSeen = table.SignupAt.Count(t => t > (asOf ?? table.MaxTimestamp));
            Assert.Equal(table.UserCount, result.Steps[0].Users + result.CensoredUsers + result.CensoredVisitors + result.UsersWithoutSignup + notYetSeen);
            Assert.Equal(result.Steps[1].Users, result.Breakdown.Sum(b => b.Steps[0].Users));
            for (var k = 1; k < result.Steps.Count; k++)
                Assert.Equal(result.Steps[k].Users, result.Breakdown.Sum(b => b.Steps[k].Users));
            habitual += result.Steps[4].Users;
            censored += result.CensoredUsers + result.CensoredVisitors;
        }
        // The random histories reach the later stages and cross the data end, so both paths are exercised.
        Assert.True(habitual > 0 && censored > 0, $"habitual {habitual}, censored {censored}");
    }
}
