using Sextant.Storage;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// The experiment store: experiment "exp" exposed in March 2024 (UTC), data ending 20 April, with
/// an assigned user who has no events, a user assigned to two variants, a repeated assignment,
/// exposures before, after and at the edge of the analysis range and after the data end, events
/// before the exposure (the CUPED covariate) and after the metric window, an anonymous device
/// identified after its purchase, property values that are text, non-numbers and booleans, a
/// ratio denominator that never happens, billing-only activity and exposures near local midnights.
/// </summary>
internal static class ExperimentParityStore
{
    public static void Write(IStoreWriter store) => HandMadeStores.Write(store,
        [User("e1", "2024-02-20T00:00:00Z")],
        [
            Assign("exp", "e1", "control", "2024-03-05T10:00:00Z"),
            // Assigned, never seen: kept in the arm with zeros.
            Assign("exp", "e2", "treatment", "2024-03-05T12:00:00Z"),
            // Two variants: left out and counted.
            Assign("exp", "e3", "control", "2024-03-06T09:00:00Z"), Assign("exp", "e3", "treatment", "2024-03-07T09:00:00Z"),
            Assign("exp", "e4", "control", "2024-02-01T00:00:00Z"),
            Assign("exp", "e5", "treatment", "2024-03-20T00:00:00Z"),
            Assign("exp", "e6", "treatment", "2024-03-06T08:00:00Z"),
            // A repeat keeps the first exposure.
            Assign("exp", "e7", "treatment", "2024-03-08T00:00:00Z"), Assign("exp", "e7", "treatment", "2024-03-09T00:00:00Z"),
            Assign("exp", "e8", "control", "2024-03-07T00:00:00Z"),
            // 23:30 UTC: already the next local day in Paris, still the same day in New York.
            Assign("exp", "e9", "b_variant", "2024-03-09T23:30:00Z"),
            Assign("exp", "e11", "control", "2024-03-10T00:00:00Z"),
            // After the latest event: not analysed without a range end.
            Assign("exp", "e12", "control", "2024-06-01T00:00:00Z"),
            Assign("other", "e1", "b", "2024-03-01T00:00:00Z"),
        ],
        Event("x1", "e1", "purchase", "2024-03-01T10:00:00Z", properties: """{"amount":5}"""),
        Event("x2", "e1", "purchase", "2024-03-05T10:00:00Z", properties: """{"amount":0.1}"""),
        Event("x3", "e1", "purchase", "2024-03-06T10:00:00Z", properties: """{"amount":"12.5"}"""),
        Event("x4", "e1", "view", "2024-03-06T11:00:00Z", properties: """{"amount":0.2}"""),
        Event("x5", "e1", "purchase", "2024-04-20T00:00:00Z", properties: """{"amount":100}"""),
        Event("x6", "e3", "purchase", "2024-03-08T00:00:00Z", properties: """{"amount":1}"""),
        Event("x7", "e4", "purchase", "2024-02-02T00:00:00Z", properties: """{"amount":3}"""),
        Event("x8", "e4", "view", "2024-02-03T00:00:00Z"),
        Event("x9", "e5", "purchase", "2024-03-21T00:00:00Z", properties: """{"amount":4}"""),
        Event("x10", "e6", "purchase", "2024-03-06T09:00:00Z", properties: """{"amount":"abc"}"""),
        Event("x11", "e6", "purchase", "2024-03-07T00:00:00Z", properties: """{"amount":true}"""),
        // Exactly seven days after the exposure: inside a 7-day window.
        Event("x12", "e6", "purchase", "2024-03-13T08:00:00Z", properties: """{"amount":2.25,"nested":{"amount":9}}"""),
        Event("x13", "e7", "view", "2024-03-08T12:00:00Z"),
        // Seven days and one microsecond after the exposure: outside a 7-day window.
        Event("x14", "e7", "purchase", "2024-03-15T00:00:00.000001Z", properties: """{"amount":" 6 "}"""),
        Event("x15", null, "purchase", "2024-03-07T05:00:00Z", anonymous: "d8", properties: """{"amount":7}"""),
        Event("x16", "e8", "signup", "2024-03-08T00:00:00Z", anonymous: "d8"),
        Event("x17", "e8", "view", "2024-03-09T00:00:00Z"),
        Event("x18", "e9", "view", "2024-03-10T22:59:00Z"),
        Event("x19", "e9", "view", "2024-03-10T23:30:00Z"),
        Event("x20", "e11", "billing", "2024-03-09T00:00:00Z"),
        Event("x21", "e11", "billing", "2024-03-11T00:00:00Z"),
        // A visitor never identified: nobody's purchase.
        Event("x22", null, "purchase", "2024-03-06T00:00:00Z", anonymous: "v9", properties: """{"amount":50}"""));
}
