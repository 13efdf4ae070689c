using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class FunnelPropertyTests
{
    private static readonly string[] Segments = ["individual", "small_team", "enterprise"];

    [Theory]
    [InlineData(FunnelOrder.Ordered)]
    [InlineData(FunnelOrder.Strict)]
    [InlineData(FunnelOrder.Unordered)]
    public void Counts_never_grow_down_the_steps_rates_stay_in_range_and_breakdowns_sum_to_the_total(FunnelOrder order)
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            using var fixture = new StoreFixture();
            var users = new System.Text.StringBuilder("user_id,segment\n");
            var events = new System.Text.StringBuilder("event_id,user_id,event,timestamp\n");
            var id = 0;
            for (var u = 0; u < 40; u++)
            {
                users.Append($"u{u},{Segments[random.Next(Segments.Length)]}\n");
                var at = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(100));
                for (var e = random.Next(8); e > 0; e--)
                {
                    at = at.AddMinutes(random.Next(0, 3000));
                    events.Append($"e{id++},u{u},{"abcd"[random.Next(4)]},{at:yyyy-MM-ddTHH:mm:ssZ}\n");
                }
            }
            fixture.Ingest("users.csv", users.ToString());
            fixture.Ingest("events.csv", events.ToString());
            var table = fixture.Load();

            var result = new InMemoryEngine(table).Run(new FunnelQuery(
                [FunnelStepText.Parse("a"), FunnelStepText.Parse("b|c"), FunnelStepText.Parse("d")], TimeSpan.FromDays(2), order, Breakdowns: [Breakdown.Profile("segment")]));

            for (var k = 1; k < result.Steps.Count; k++) Assert.True(result.Steps[k].Users <= result.Steps[k - 1].Users, $"seed {seed} step {k}");
            Assert.All(result.Steps, s =>
            {
                Assert.InRange(s.ConversionFromPrevious, 0, 1);
                Assert.InRange(s.ConversionFromStart, 0, 1);
                Assert.True(s.CiLow <= s.ConversionFromPrevious + 1e-12 && s.ConversionFromPrevious <= s.CiHigh + 1e-12);
            });
            for (var k = 0; k < result.Steps.Count; k++)
                Assert.Equal(result.Steps[k].Users, result.Breakdown.Sum(b => b.Steps[k].Users));
        }
    }
}
