using Sextant.Events;

namespace Sextant.Tests.Events;

public sealed class ProjectCalendarTests
{
    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)).UnixMicroseconds;

    private static ProjectCalendar Calendar(string zone) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(zone), Micros("2018-01-01T00:00:00Z"), Micros("2025-01-01T00:00:00Z"));

    [Fact]
    public void Spring_forward_day_in_Berlin_lasts_23_hours_and_fall_back_day_25()
    {
        var calendar = Calendar("Europe/Berlin");

        Assert.Equal(23, calendar.DayLengthHours(new DateOnly(2024, 3, 31).DayNumber));
        Assert.Equal(25, calendar.DayLengthHours(new DateOnly(2024, 10, 27).DayNumber));
        Assert.Equal(24, calendar.DayLengthHours(new DateOnly(2024, 6, 1).DayNumber));
    }

    [Fact]
    public void Instants_fall_on_the_local_day_around_the_daylight_saving_change()
    {
        var calendar = Calendar("Europe/Berlin");

        // 23:30Z on 30 March is 00:30 CET on 31 March; 22:30Z on 31 March is 00:30 CEST on 1 April.
        Assert.Equal(new DateOnly(2024, 3, 31), calendar.DateOf(Micros("2024-03-30T23:30:00Z")));
        Assert.Equal(new DateOnly(2024, 3, 31), calendar.DateOf(Micros("2024-03-31T21:59:59Z")));
        Assert.Equal(new DateOnly(2024, 4, 1), calendar.DateOf(Micros("2024-03-31T22:00:00Z")));
        Assert.Equal(Micros("2024-03-30T23:00:00Z"), calendar.DayStart(new DateOnly(2024, 3, 31).DayNumber));
        Assert.Equal(Micros("2024-03-31T22:00:00Z"), calendar.DayStart(new DateOnly(2024, 4, 1).DayNumber));
    }

    [Fact]
    public void A_day_whose_midnight_does_not_exist_starts_at_the_first_existing_instant()
    {
        // Sao Paulo skipped from 00:00 to 01:00 on 4 November 2018 (UTC-3 to UTC-2).
        var calendar = Calendar("America/Sao_Paulo");

        Assert.Equal(Micros("2018-11-04T03:00:00Z"), calendar.DayStart(new DateOnly(2018, 11, 4).DayNumber));
        Assert.Equal(23, calendar.DayLengthHours(new DateOnly(2018, 11, 4).DayNumber));
    }

    [Fact]
    public void Iso_weeks_start_on_Monday_and_months_are_local()
    {
        var calendar = Calendar("America/New_York");

        // 2024-01-01 03:00Z is still 31 December 2023 (a Sunday) in New York.
        var instant = Micros("2024-01-01T03:00:00Z");
        Assert.Equal(new DateOnly(2023, 12, 31), calendar.DateOf(instant));
        Assert.Equal(new DateOnly(2023, 12, 25).DayNumber, calendar.WeekOf(instant));
        Assert.Equal(2023 * 12 + 11, calendar.MonthOf(instant));
        Assert.Equal(new DateOnly(2024, 1, 1).DayNumber, ProjectCalendar.WeekOfDay(new DateOnly(2024, 1, 7).DayNumber));
        Assert.Equal(new DateOnly(2024, 2, 1).DayNumber, ProjectCalendar.FirstDayOfMonth(2024 * 12 + 1));
    }

    [Fact]
    public void Utc_calendar_cuts_days_at_utc_midnight_far_outside_its_precomputed_range()
    {
        var calendar = ProjectCalendar.Utc;

        Assert.Equal(new DateOnly(2031, 5, 6), calendar.DateOf(Micros("2031-05-06T23:59:59.999999Z")));
        Assert.Equal(new DateOnly(1999, 12, 31), calendar.DateOf(Micros("1999-12-31T00:00:00Z")));
    }

    [Fact]
    public void Day_boundaries_outside_the_precomputed_range_are_still_exact()
    {
        var calendar = new ProjectCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), Micros("2024-01-01T00:00:00Z"), Micros("2024-01-02T00:00:00Z"));

        Assert.Equal(Micros("2030-03-30T23:00:00Z"), calendar.DayStart(new DateOnly(2030, 3, 31).DayNumber));
        Assert.Equal(23, calendar.DayLengthHours(new DateOnly(2030, 3, 31).DayNumber));
    }
}
