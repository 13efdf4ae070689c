using Sextant.Storage;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// The engagement store: March and April 2024, the last event at 2024-04-30T12:00Z (so the last
/// complete day is the 29th in UTC), with two workspaces (one with two members who share, one
/// whose members never collaborate), segments and users without one, users active exactly 7 and
/// 30 days before the last complete day, a sign-up whose 7-day activation window ends exactly at
/// the data end, activation events before the sign-up and after the window, a listed profile
/// sign-up later than the first event, an anonymous device identified later, a visitor, system
/// events ($pageview, signup) and billing events (excluded in some queries).
/// </summary>
internal static class EngagementParityStore
{
    public static void Write(IStoreWriter store) => HandMadeStores.Write(store,
        [
            User("w1", "2024-03-01T09:00:00Z", segment: "pro", workspace: "ws1"), User("w2", "2024-03-03T00:00:00Z", segment: "pro", workspace: "ws1"),
            User("w3", "2024-03-10T00:00:00Z", segment: "free", workspace: "ws2"), User("w4", workspace: "ws2"),
            User("w5", "2024-03-20T00:00:00Z", segment: "free"), User("w8", "2024-04-23T12:00:00Z", segment: "team"),
            // A profile sign-up later than the user's first event.
            User("w9", "2024-04-02T00:00:00Z"),
        ],
        [Assign("exp", "w10", "control", "2024-03-05T00:00:00Z")],
        // w1 activates fast (create_page, then share within a day) and collaborates with w2 in ws1.
        At("w1", "signup", "2024-03-01T09:00:00Z"), At("w1", "create_page", "2024-03-01T10:00:00Z"), At("w1", "share", "2024-03-01T20:00:00Z"),
        At("w1", "edit", "2024-03-04T08:00:00Z"), At("w1", "share", "2024-03-05T08:00:00Z"), At("w1", "edit", "2024-04-02T08:00:00Z"),
        At("w1", "edit", "2024-04-16T08:00:00Z"), At("w1", "$pageview", "2024-04-29T23:59:59.999999Z"),
        // w2: activation events before the sign-up do not count; shares after the window; billing-only weeks.
        At("w2", "create_page", "2024-03-02T12:00:00Z"), At("w2", "edit", "2024-03-04T09:00:00Z"), At("w2", "comment", "2024-03-05T09:00:00Z"),
        At("w2", "create_page", "2024-03-06T09:00:00Z"), At("w2", "share", "2024-03-12T09:00:00Z"), At("w2", "billing", "2024-03-25T09:00:00Z"),
        At("w2", "billing", "2024-04-08T09:00:00Z"), At("w2", "edit", "2024-04-09T00:00:00Z"),
        // ws2: two active members, no collaboration event.
        At("w3", "edit", "2024-03-11T10:00:00Z"), At("w3", "edit", "2024-03-11T11:00:00Z"), At("w3", "create_page", "2024-03-12T10:00:00Z"),
        At("w4", "edit", "2024-03-12T10:00:00Z"), At("w4", "edit", "2024-04-01T10:00:00Z"),
        // w5: active exactly 30 and exactly 7 days before the last complete day (29 April), and on it.
        At("w5", "edit", "2024-03-20T00:00:00Z"), At("w5", "edit", "2024-03-31T00:00:00Z"), At("w5", "edit", "2024-04-23T00:00:00Z"),
        At("w5", "share", "2024-04-29T12:00:00Z"),
        // An anonymous device identified as w6 later: its views count for w6 from the start.
        At(null, "view", "2024-03-15T10:00:00Z", anonymous: "d6"), At(null, "create_page", "2024-03-16T10:00:00Z", anonymous: "d6"),
        At("w6", "signup", "2024-03-17T10:00:00Z", anonymous: "d6"), At("w6", "share", "2024-03-17T11:00:00Z"), At("w6", "edit", "2024-04-20T11:00:00Z"),
        // A visitor never identified.
        At(null, "edit", "2024-03-20T00:00:00Z", anonymous: "v7"), At(null, "share", "2024-04-20T00:00:00Z", anonymous: "v7"),
        // w8 signs up exactly 7 days before the data end and activates at its last instant.
        At("w8", "create_page", "2024-04-23T12:00:00Z"), At("w8", "share", "2024-04-30T12:00:00Z"),
        At("w9", "edit", "2024-03-28T12:00:00Z"), At("w9", "edit", "2024-04-03T12:00:00Z"),
        At("w11", "signup", "2024-04-15T00:00:00Z"), At("w11", "billing", "2024-04-15T00:00:01Z"));
}
