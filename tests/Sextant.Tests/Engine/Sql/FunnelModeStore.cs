using Sextant.Events;
using Sextant.Storage;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Users whose funnel a → b → c (1-day window) differs between orders and filters: an event that is
/// no step between steps (a strict funnel resets), steps out of order, ties at one instant (row order
/// decides a strict or unordered funnel), a filter that fails (its row is no step, so it resets a strict
/// funnel too), an absent property, an exclusion, a late identity and a visitor. What each order gives
/// is written beside each user (ordered / strict / unordered).
/// </summary>
internal static class FunnelModeStore
{
    private static EventRecord On(string? user, string name, string iso, string? platform, string? anonymous = null) =>
        Event("m" + Guid.NewGuid().ToString("N"), user, name, iso, anonymous: anonymous, platform: platform);

    private static EventRecord With(string user, string name, string iso, string properties) =>
        Event("m" + Guid.NewGuid().ToString("N"), user, name, iso, properties: properties);

    public static void Write(IStoreWriter store) => HandMadeStores.Write(store, [], [],
        // 3 / 2 (o resets before c) / 3.
        At("m1", "a", "2024-04-01T10:00:00Z"), At("m1", "b", "2024-04-01T10:05:00Z"), At("m1", "o", "2024-04-01T10:06:00Z"), At("m1", "c", "2024-04-01T10:07:00Z"),
        // 3 / 3 (the first c is another step's row: passed over) / 3, completed at 10:00, 10:01, 10:02.
        At("m2", "a", "2024-04-01T10:00:00Z"), At("m2", "c", "2024-04-01T10:01:00Z"), At("m2", "b", "2024-04-01T10:02:00Z"), At("m2", "c", "2024-04-01T10:03:00Z"),
        // 1 / 1 / 3: the unordered attempt opens at b.
        At("m3", "b", "2024-04-01T09:00:00Z"), At("m3", "c", "2024-04-01T09:30:00Z"), At("m3", "a", "2024-04-01T10:00:00Z"),
        // Four rows at one instant, in this row order: 3 / 3 for the first a (the second a is passed over), 1 for the second / 3.
        At("m4", "a", "2024-04-01T12:00:00Z"), At("m4", "b", "2024-04-01T12:00:00Z"), At("m4", "a", "2024-04-01T12:00:00Z"), At("m4", "c", "2024-04-01T12:00:00Z"),
        // With b[platform=ios]: the web b is no step, so it resets a strict funnel (1) but not an ordered one (2).
        On("m5", "a", "2024-04-01T10:00:00Z", "ios"), On("m5", "b", "2024-04-01T10:01:00Z", "web"), On("m5", "b", "2024-04-01T10:02:00Z", "ios"),
        On("m5", "c", "2024-04-01T10:03:00Z", null),
        // c then a two days later, then b: the attempt at c stays at 1, the one at a reaches 2 (unordered).
        At("m6", "c", "2024-04-02T00:00:00Z"), At("m6", "a", "2024-04-04T00:00:00Z"), At("m6", "b", "2024-04-04T01:00:00Z"),
        // x between a and b: 2 and excluded / 1 (x resets; nothing after step 1 to exclude) / 2 and excluded.
        At("m7", "a", "2024-04-05T10:00:00Z"), At("m7", "x", "2024-04-05T10:30:00Z"), At("m7", "b", "2024-04-05T11:00:00Z"),
        // The first attempt is reset by o; the second completes: 3 / 3, timed from 10:20 / 3.
        At("m9", "a", "2024-04-06T10:00:00Z"), At("m9", "o", "2024-04-06T10:10:00Z"), At("m9", "a", "2024-04-06T10:20:00Z"),
        At("m9", "b", "2024-04-06T10:40:00Z"), At("m9", "c", "2024-04-06T11:20:00Z"),
        // Two attempts reach b; the earliest is timed: 2 h from a to b.
        At("m10", "a", "2024-04-07T01:00:00Z"), At("m10", "a", "2024-04-07T02:00:00Z"), At("m10", "b", "2024-04-07T03:00:00Z"),
        // b stored before a at one instant: the unordered attempt at b counts a (after it in row order), the one at a does not count b.
        At("m11", "b", "2024-04-07T05:00:00Z"), At("m11", "a", "2024-04-07T05:00:00Z"), At("m11", "c", "2024-04-08T06:00:00Z"),
        // No platform on a: never equal to web, so a[platform!=web] holds.
        On("m12", "a", "2024-04-08T10:00:00Z", null), On("m12", "b", "2024-04-08T10:00:00Z", "web"), On("m12", "c", "2024-04-08T11:00:00Z", "android"),
        // An anonymous device identified at step 2, and a visitor never identified.
        At(null, "a", "2024-04-09T08:00:00Z", anonymous: "md"), At("m13", "b", "2024-04-09T09:00:00Z", anonymous: "md"), At("m13", "o", "2024-04-09T09:30:00Z"),
        At("m13", "c", "2024-04-09T10:00:00Z"),
        At(null, "c", "2024-04-09T08:00:00Z", anonymous: "mv"), At(null, "b", "2024-04-09T08:00:00Z", anonymous: "mv"), At(null, "a", "2024-04-10T07:59:59.999999Z", anonymous: "mv"),
        // Properties inside the JSON object, for filters p[plan=pro] → q[plan!=pro] → r: a number keeps its text ("1.50"),
        // a boolean reads true, an escaped string is compared unescaped, an absent key is never equal.
        With("m14", "p", "2024-04-11T10:00:00Z", """{"plan":"pro","seats":1.50,"trial":true,"meta":{"x":1}}"""),
        With("m14", "q", "2024-04-11T10:05:00Z", """{"plan":"free"}"""), With("m14", "r", "2024-04-11T10:06:00Z", """{"note":"say \"hi\""}"""),
        With("m15", "p", "2024-04-11T10:00:00Z", """{"plan":"pro","seats":2}"""), With("m15", "q", "2024-04-11T10:01:00Z", """{"plan":"pro"}"""),
        With("m15", "q", "2024-04-11T10:02:00Z", "{}"), With("m15", "r", "2024-04-11T10:03:00Z", """{"note":"say \"hi\""}"""),
        With("m16", "p", "2024-04-11T11:00:00Z", """{"plan":"team","seats":1.5}"""), With("m16", "q", "2024-04-11T11:01:00Z", """{"plan":null}"""),
        // Two step-1 rows at one instant: an ordered funnel's deciding row is the first stored (ios), a strict one's too.
        On("m17", "p", "2024-04-12T09:00:00Z", "ios"), On("m17", "p", "2024-04-12T09:00:00Z", "web"), On("m17", "q", "2024-04-12T09:30:00Z", "web"));
}
