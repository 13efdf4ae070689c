using Sextant.Connectors.Mock;

namespace Sextant.Tests.Connectors;

public sealed class MockJourneysTests
{
    private static readonly DateOnly March3 = new(2024, 3, 3);

    [Fact]
    public void A_day_is_the_same_whenever_it_is_generated()
    {
        Assert.Equal(new MockJourneys(1).EventsOn(March3), new MockJourneys(1).EventsOn(March3));
        Assert.NotEqual(new MockJourneys(1).EventsOn(March3), new MockJourneys(2).EventsOn(March3));
    }

    [Fact]
    public void Events_stay_inside_their_day_in_time_order()
    {
        var events = new MockJourneys(1).EventsOn(March3);

        Assert.All(events, e => Assert.Equal(March3, DateOnly.FromDateTime(e.Time.UtcDateTime)));
        Assert.Equal(events.OrderBy(e => e.Time), events);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Visitors_browse_anonymously_then_sign_up_with_both_ids()
    {
        var events = new MockJourneys(1).EventsOn(March3);
        var signUp = events.First(e => e.Identifies);

        Assert.Equal("Signed Up", signUp.Name);
        Assert.NotNull(signUp.UserId);
        var before = events.Where(e => e.DeviceId == signUp.DeviceId && e.Time < signUp.Time).ToList();
        Assert.NotEmpty(before);
        Assert.All(before, e => Assert.Null(e.UserId));
    }

    [Fact]
    public void Users_who_signed_up_earlier_come_back()
    {
        var journeys = new MockJourneys(1);
        var earlier = journeys.EventsOn(March3.AddDays(-1)).Where(e => e.UserId is not null).Select(e => e.UserId).ToHashSet();

        Assert.Contains(journeys.EventsOn(March3), e => e.Name == "Session Started" && earlier.Contains(e.UserId));
    }
}
