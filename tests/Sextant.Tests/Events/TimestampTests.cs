using Sextant.Events;

namespace Sextant.Tests.Events;

public sealed class TimestampTests
{
    [Fact]
    public void Timestamp_round_trips_through_DateTimeOffset_to_the_microsecond()
    {
        var value = new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.Zero).AddTicks(1234560);
        var timestamp = Timestamp.FromDateTimeOffset(value);

        Assert.Equal(value, timestamp.ToDateTimeOffset());
        Assert.Equal("2024-03-31T01:30:00.123456Z", timestamp.ToString());
    }
}
