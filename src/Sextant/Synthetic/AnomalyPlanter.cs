using System.Globalization;
using Sextant.Events;

namespace Sextant.Synthetic;

/// <summary>One planted anomaly of <c>generate --anomalies</c>, as truth.json lists it.</summary>
/// <param name="Date">The calendar day (UTC, the scenario's zone).</param>
/// <param name="Metric">The series it shows in, as alert rules name it (events, active_users, signups).</param>
/// <param name="Kind">drop or spike.</param>
/// <param name="Size">The change it made to that day's metric, relative to the day without it (−0.9 = 90% lower, 2 = three times as many).</param>
/// <param name="Cause">outage, tracking_bug, bot_traffic or signup_outage.</param>
public sealed record PlantedAnomaly(DateOnly Date, string Metric, string Kind, double Size, string Cause);

/// <summary>
/// Plants drops and spikes into generated data (docs/SCENARIOS.md, Anomalies), counted back from
/// the scenario's last day: a sign-up outage (90% of the sign-ups of two days never happen: the
/// people, their events, subscriptions and assignments are gone), an outage (90% of one day's
/// events lost), a tracking bug (the page events, page_view, view_page and edit_page, missing for four days) and
/// bot traffic (one day gets twice its events again as page views of new anonymous visitors).
/// What is dropped is drawn from the scenario's seed, so the same seed plants the same anomalies.
/// </summary>
public static class AnomalyPlanter
{
    /// <summary>The shortest scenario anomalies can be planted in: the first lies 40 days before the end, after enough history to judge it.</summary>
    public const int MinimumDays = 120;

    /// <summary>Events the tracking bug loses: the page events (viewing and editing pages), over half of all events.</summary>
    public static readonly IReadOnlyList<string> TrackingBugEvents = ["page_view", "view_page", "edit_page"];

    /// <summary>The data with the anomalies planted, and truth.json's anomalies list filled.</summary>
    /// <exception cref="SextantException">The scenario spans fewer than <see cref="MinimumDays"/> days.</exception>
    public static GeneratedData Plant(GeneratedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var scenario = data.Truth.Scenario;
        var span = scenario.To.DayNumber - scenario.From.DayNumber + 1;
        if (span < MinimumDays)
            throw new SextantException($"--anomalies needs a scenario of at least {MinimumDays} days (they are planted in its last 40), got {span} ({scenario.From:yyyy-MM-dd} to {scenario.To:yyyy-MM-dd})");
        var end = scenario.To;
        var outage = end.AddDays(-40);
        DateOnly[] bug = [end.AddDays(-30), end.AddDays(-29), end.AddDays(-28), end.AddDays(-27)];
        var bots = end.AddDays(-20);
        DateOnly[] signupOutage = [end.AddDays(-12), end.AddDays(-11)];
        var planted = new List<PlantedAnomaly>();

        // Sign-up outage: the people who would have signed up on those days mostly never did.
        var users = data.Users;
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in signupOutage)
        {
            var signups = users.Where(u => u.SignupAt is { } at && DayOf(at) == day).ToList();
            var lost = signups.Where(u => Draw(scenario.Seed, u.UserId, 1) < 0.9).ToList();
            gone.UnionWith(lost.Select(u => u.UserId));
            planted.Add(new PlantedAnomaly(day, "signups", "drop", Change(signups.Count, signups.Count - lost.Count), "signup_outage"));
        }
        users = [.. users.Where(u => !gone.Contains(u.UserId))];
        var events = data.Events.Where(e => e.UserId is null || !gone.Contains(e.UserId)).ToList();

        // Outage: most of the day's events never arrived.
        var outageBefore = OnDay(events, outage);
        var activeBefore = ActiveUsers(events, outage);
        events = [.. events.Where(e => DayOf(e.Timestamp) != outage || Draw(scenario.Seed, e.EventId, 2) >= 0.9)];
        planted.Add(new PlantedAnomaly(outage, "events", "drop", Change(outageBefore, OnDay(events, outage)), "outage"));
        planted.Add(new PlantedAnomaly(outage, "active_users", "drop", Change(activeBefore, ActiveUsers(events, outage)), "outage"));

        // Tracking bug: the page events were not sent for four days.
        var before = bug.ToDictionary(day => day, day => OnDay(events, day));
        events = [.. events.Where(e => !bug.Contains(DayOf(e.Timestamp)) || !TrackingBugEvents.Contains(e.Event, StringComparer.Ordinal))];
        planted.AddRange(bug.Select(day => new PlantedAnomaly(day, "events", "drop", Change(before[day], OnDay(events, day)), "tracking_bug")));

        // Bot traffic: anonymous page views, twice the day's events again, from visitors that never sign up (visitors come last).
        var botBefore = OnDay(events, bots);
        var extra = 2 * botBefore;
        var random = DeterministicRandom.For(scenario.Seed, 0, salt: 41);
        var dayStart = NotionGenerator.DayStart(bots);
        const int Bots = 200;
        for (var k = 0; k < extra; k++)
        {
            var bot = "bot" + (k % Bots + 1).ToString("D4", CultureInfo.InvariantCulture);
            var at = dayStart + (long)(random.NextDouble() * Timestamp.MicrosPerDay);
            events.Add(new EventRecord($"{bot}-{k}", null, bot, "page_view", new Timestamp(at), "web", null, null, null,
                $"{{\"path\":\"{NotionGenerator.LandingPaths[random.Next(NotionGenerator.LandingPaths.Length)]}\"}}", "synthetic"));
        }
        planted.Add(new PlantedAnomaly(bots, "events", "spike", Change(botBefore, botBefore + extra), "bot_traffic"));

        return new GeneratedData(users, events,
            [.. data.Subscriptions.Where(s => !gone.Contains(s.UserId))],
            [.. data.Assignments.Where(a => !gone.Contains(a.UserId))],
            data.Truth with { Anomalies = [.. planted.OrderBy(p => p.Date).ThenBy(p => p.Metric, StringComparer.Ordinal)] });
    }

    private static DateOnly DayOf(Timestamp at) => DateOnly.FromDayNumber((int)Math.Floor(at.UnixMicroseconds / (double)Timestamp.MicrosPerDay) + UnixEpochDayNumber);

    private const int UnixEpochDayNumber = 719_162;

    private static int OnDay(List<EventRecord> events, DateOnly day) => events.Count(e => DayOf(e.Timestamp) == day);

    /// <summary>Signed-up people with an event on the day (identity events aside): what the day's DAU counts, near enough for its size.</summary>
    private static int ActiveUsers(List<EventRecord> events, DateOnly day) =>
        events.Where(e => e.UserId is not null && DayOf(e.Timestamp) == day && !e.Event.StartsWith('$')).Select(e => e.UserId).Distinct(StringComparer.Ordinal).Count();

    private static double Change(int before, int after) => before == 0 ? 0 : Math.Round((after - before) / (double)before, 4);

    /// <summary>A uniform draw in [0, 1) fixed by the seed, a text key and a salt.</summary>
    private static double Draw(long seed, string key, long salt)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key) hash = (hash ^ c) * 1099511628211UL;
        return DeterministicRandom.For(seed, (long)(hash & 0x7FFF_FFFF_FFFF_FFFF), salt).NextDouble();
    }
}
