using System.Globalization;

namespace Sextant.Connectors.Mock;

/// <summary>One generated event, before any vendor's wire format.</summary>
/// <param name="Id">A uuid-shaped id, stable for a seed (the vendors' insert id or uuid).</param>
/// <param name="Name">The event name.</param>
/// <param name="Time">When it happened (UTC, whole milliseconds).</param>
/// <param name="DeviceId">The browser's anonymous id; every event has one.</param>
/// <param name="UserId">The user id once the visitor signed up, else null.</param>
/// <param name="Revenue">Money for a purchase, else null.</param>
/// <param name="Plan">The plan bought or used.</param>
/// <param name="Identifies">True for the sign-up, the event that first carries both ids.</param>
internal sealed record MockEvent(string Id, string Name, DateTimeOffset Time, string DeviceId, string? UserId, decimal? Revenue, string Plan, bool Identifies);

/// <summary>
/// The plausible product data <c>sextant pull --mock</c> serves: each day brings new visitors
/// who browse anonymously, some sign up (the event that links their device to their user id),
/// create a project, invite a colleague or buy a plan; users come back on later days. Every day
/// is generated from the seed and the date alone, so a day served twice is the same bytes and
/// a range's days do not depend on the range.
/// </summary>
internal sealed class MockJourneys(int seed)
{
    /// <summary>The seed <c>--mock</c> uses.</summary>
    public const int DefaultSeed = 20240301;

    private static readonly string[] Plans = ["free", "plus", "business"];

    /// <summary>The events of a UTC day, in time order.</summary>
    public IReadOnlyList<MockEvent> EventsOn(DateOnly day)
    {
        var events = new List<MockEvent>();
        var random = new Random(Mix(day, 1));
        foreach (var visitor in Visitors(day))
        {
            var time = visitor.Arrival;
            var device = visitor.DeviceId;
            Add(events, random, "Page Viewed", ref time, device, null, null, visitor.Plan, false);
            Add(events, random, "Pricing Viewed", ref time, device, null, null, visitor.Plan, false);
            if (visitor.UserId is not { } user) continue;
            Add(events, random, "Signed Up", ref time, device, user, null, visitor.Plan, true);
            if (random.NextDouble() < 0.75) Add(events, random, "Project Created", ref time, device, user, null, visitor.Plan, false);
            if (random.NextDouble() < 0.3) Add(events, random, "Invite Sent", ref time, device, user, null, visitor.Plan, false);
            if (visitor.Plan != "free" && random.NextDouble() < 0.5) Add(events, random, "Purchase", ref time, device, user, PriceOf(visitor.Plan), visitor.Plan, false);
        }
        // Users who signed up in the week before come back now and then.
        for (var back = 1; back <= 7; back++)
        {
            foreach (var visitor in Visitors(day.AddDays(-back)).Where(v => v.UserId is not null))
            {
                if (random.NextDouble() >= 0.6 / back + 0.1) continue;
                var time = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(random.Next(6 * 60, 22 * 60));
                Add(events, random, "Session Started", ref time, visitor.DeviceId, visitor.UserId, null, visitor.Plan, false);
                Add(events, random, "Project Opened", ref time, visitor.DeviceId, visitor.UserId, null, visitor.Plan, false);
                if (visitor.Plan != "free" && random.NextDouble() < 0.1)
                    Add(events, random, "Purchase", ref time, visitor.DeviceId, visitor.UserId, PriceOf(visitor.Plan), visitor.Plan, false);
            }
        }
        // Nothing spills into the next day: a day's export holds that day's events only.
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return events.Where(e => e.Time < end).OrderBy(e => e.Time).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private sealed record Visitor(string DeviceId, string? UserId, string Plan, DateTimeOffset Arrival);

    /// <summary>The day's new visitors, from the seed and the date alone (later days look back at them).</summary>
    private List<Visitor> Visitors(DateOnly day)
    {
        var random = new Random(Mix(day, 2));
        var count = 14 + random.Next(8);
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var visitors = new List<Visitor>(count);
        for (var i = 0; i < count; i++)
        {
            var signsUp = random.NextDouble() < 0.55;
            var plan = Plans[random.Next(Plans.Length)];
            var arrival = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(random.Next(0, 20 * 60));
            visitors.Add(new Visitor($"dev-{stamp}-{i:000}", signsUp ? $"user-{stamp}-{i:000}" : null, plan, arrival));
        }
        return visitors;
    }

    private static void Add(List<MockEvent> events, Random random, string name, ref DateTimeOffset time, string device, string? user, decimal? revenue, string plan, bool identifies)
    {
        time = time.AddSeconds(random.Next(20, 600)).AddMilliseconds(random.Next(1000));
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        events.Add(new MockEvent(new Guid(bytes).ToString(), name, time, device, user, revenue, plan, identifies));
    }

    /// <summary>A seed for one day and purpose; HashCode would differ from process to process.</summary>
    private int Mix(DateOnly day, int purpose) => unchecked((seed * 1_000_003) + (day.DayNumber * 7_919) + purpose);

    private static decimal PriceOf(string plan) => plan == "business" ? 99m : 29m;
}
