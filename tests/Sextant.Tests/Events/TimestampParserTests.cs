using System.Globalization;
using Sextant.Events;

namespace Sextant.Tests.Events;

public sealed class TimestampParserTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture)).UnixMicroseconds;

    private static long Parse(string text, TimeZoneInfo? zone = null, TimeUnit unit = TimeUnit.Auto)
    {
        Assert.True(TimestampParser.TryParse(text, new TimestampParseOptions(zone ?? TimeZoneInfo.Utc, unit), out var micros, out var error), error);
        return micros;
    }

    private static string Error(string text, TimeUnit unit = TimeUnit.Auto)
    {
        Assert.False(TimestampParser.TryParse(text, new TimestampParseOptions(TimeZoneInfo.Utc, unit), out _, out var error));
        return error!;
    }

    [Theory]
    [InlineData("2024-03-01T12:34:56Z")]
    [InlineData("2024-03-01t12:34:56z")]
    [InlineData("2024-03-01 12:34:56Z")]
    [InlineData("2024-03-01T14:34:56+02:00")]
    [InlineData("2024-03-01T14:34:56+0200")]
    [InlineData("2024-03-01T14:34:56+02")]
    [InlineData("2024-03-01T07:04:56-05:30")]
    [InlineData("2024-03-01 12:34:56 +00:00")]
    [InlineData("2024-03-01 12:34:56")]
    [InlineData("2024-03-01T12:34:56")]
    [InlineData("  2024-03-01 12:34:56  ")]
    [InlineData("2024-03-01 12:34:56 UTC")]
    [InlineData("1709296496")]
    [InlineData("1709296496000")]
    [InlineData("1709296496000000")]
    [InlineData("1709296496000000000")]
    public void Every_form_reads_as_the_same_instant(string text) =>
        Assert.Equal(Micros("2024-03-01T12:34:56Z"), Parse(text));

    [Theory]
    [InlineData("2024-03-01T12:34:56.1Z", 100_000)]
    [InlineData("2024-03-01T12:34:56.123Z", 123_000)]
    [InlineData("2024-03-01T12:34:56.123456Z", 123_456)]
    [InlineData("2024-03-01T12:34:56.1234567Z", 123_456)]
    [InlineData("2024-03-01T12:34:56.123456789Z", 123_456)]
    [InlineData("2024-03-01 12:34:56,5", 500_000)]
    [InlineData("1709296496.25", 250_000)]
    [InlineData("1709296496123.5", 123_500)]
    public void Fractions_keep_microseconds_and_truncate_below(string text, long micros) =>
        Assert.Equal(Micros("2024-03-01T12:34:56Z") + micros, Parse(text));

    [Fact]
    public void Date_only_and_minute_forms_are_local_midnight_and_minute()
    {
        Assert.Equal(Micros("2024-03-01T00:00:00Z"), Parse("2024-03-01"));
        Assert.Equal(Micros("2024-02-29T23:00:00Z"), Parse("2024-03-01", Berlin));
        Assert.Equal(Micros("2024-03-01T12:34:00Z"), Parse("2024-03-01 12:34"));
    }

    [Theory]
    [InlineData("1709296496", TimeUnit.Seconds, 1_709_296_496_000_000)]
    [InlineData("1709296496", TimeUnit.Milliseconds, 1_709_296_496_000)]
    [InlineData("1709296496", TimeUnit.Microseconds, 1_709_296_496)]
    [InlineData("1709296496000", TimeUnit.Nanoseconds, 1_709_296_496)]
    [InlineData("99999999999", TimeUnit.Auto, 99_999_999_999_000_000)]
    [InlineData("100000000000", TimeUnit.Auto, 100_000_000_000_000)]
    public void Numeric_units_are_stated_or_detected_by_magnitude(string text, TimeUnit unit, long micros) =>
        Assert.Equal(micros, Parse(text, unit: unit));

    [Fact]
    public void Naive_times_in_a_zone_use_its_offset_on_that_date()
    {
        Assert.Equal(Micros("2024-01-15T09:00:00Z"), Parse("2024-01-15 10:00:00", Berlin));
        Assert.Equal(Micros("2024-07-15T08:00:00Z"), Parse("2024-07-15 10:00:00", Berlin));
        Assert.Equal(Micros("2024-07-15T14:00:00Z"), Parse("2024-07-15 10:00:00", NewYork));
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        // 02:30 does not exist in Berlin on 2024-03-31; read as 03:30 CEST = 01:30Z.
        Assert.Equal(Micros("2024-03-31T01:30:00Z"), Parse("2024-03-31 02:30:00", Berlin));
        // New York skipped 02:00-03:00 on 2024-03-10; 02:15 is read as 03:15 EDT = 07:15Z.
        Assert.Equal(Micros("2024-03-10T07:15:00Z"), Parse("2024-03-10 02:15:00", NewYork));
    }

    [Fact]
    public void An_ambiguous_time_in_the_fall_back_overlap_takes_the_earlier_instant()
    {
        // 02:30 happens twice in Berlin on 2024-10-27: first at +02:00 (00:30Z), then +01:00.
        Assert.Equal(Micros("2024-10-27T00:30:00Z"), Parse("2024-10-27 02:30:00", Berlin));
        // 01:30 twice in New York on 2024-11-03: first EDT (05:30Z).
        Assert.Equal(Micros("2024-11-03T05:30:00Z"), Parse("2024-11-03 01:30:00", NewYork));
    }

    [Theory]
    [InlineData("2024-13-01", "month 13 is out of range")]
    [InlineData("2024-02-30", "day 30 does not exist in 2024-02")]
    [InlineData("2023-02-29 10:00:00", "day 29 does not exist in 2023-02")]
    [InlineData("2024-01-01 24:00:00", "hour 24 is out of range")]
    [InlineData("2024-01-01 10:60:00", "minute 60 is out of range")]
    [InlineData("2024-01-01 10:00:61", "second 61 is out of range")]
    public void Impossible_dates_say_what_is_wrong(string text, string reason) =>
        Assert.Equal($"'{text}' is not a timestamp: {reason}", Error(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("2024-01-01 10:00:00 junk")]
    [InlineData("2024-01-01T10:00:00+25:00")]
    [InlineData("2024/01/01")]
    [InlineData("2024-01-01x")]
    [InlineData("17e9")]
    [InlineData("1.2.3")]
    [InlineData("1700000000.")]
    public void Garbage_is_not_a_timestamp(string text) =>
        Assert.Equal($"'{text}' is not a timestamp (expected ISO-8601, 'YYYY-MM-DD HH:MM:SS' or Unix seconds/ms/µs)", Error(text));

    [Fact]
    public void Empty_negative_and_huge_numbers_are_errors()
    {
        Assert.Equal("empty timestamp", Error("   "));
        Assert.Equal("'-1700000000' is not a timestamp: negative epoch", Error("-1700000000"));
        Assert.Contains("too large", Error("99999999999999999999999"), StringComparison.Ordinal);
        Assert.Contains("too large", Error("9223372036854775", TimeUnit.Seconds), StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_beyond_the_year_9999_are_errors() =>
        Assert.Equal("'253402300800' is not a timestamp: it falls after the year 9999", Error("253402300800", TimeUnit.Seconds));

    [Fact]
    public void Options_with_another_zone_read_naive_times_in_that_zone()
    {
        var options = TimestampParseOptions.Utc with { NaiveZone = Berlin };

        Assert.True(TimestampParser.TryParse("2024-01-15 12:00:00", options, out var micros, out _));
        Assert.Equal(Micros("2024-01-15T11:00:00Z"), micros);
    }

    [Theory]
    [InlineData("auto", TimeUnit.Auto)]
    [InlineData("s", TimeUnit.Seconds)]
    [InlineData("MS", TimeUnit.Milliseconds)]
    [InlineData("us", TimeUnit.Microseconds)]
    [InlineData("nanoseconds", TimeUnit.Nanoseconds)]
    public void Unit_names_are_read(string text, TimeUnit unit) => Assert.Equal(unit, TimestampParser.ParseUnit(text));

    [Fact]
    public void An_unknown_unit_is_an_error_listing_the_choices()
    {
        var error = Assert.Throws<SextantException>(() => TimestampParser.ParseUnit("minutes"));

        Assert.Equal("time unit 'minutes' is not one of auto, s, ms, us, ns", error.Message);
    }
}
