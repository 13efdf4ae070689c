using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage;

public sealed class EventTableLoaderTests
{
    [Fact]
    public void Rows_are_grouped_by_user_and_sorted_by_time_with_ties_in_store_order()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        Write(path,
            Event("1", "bob", "b2", "2024-01-02T00:00:00Z"),
            Event("2", "ann", "a2", "2024-01-03T00:00:00Z"),
            Event("3", "bob", "b1", "2024-01-01T00:00:00Z"),
            Event("4", "ann", "a1", "2024-01-01T00:00:00Z"),
            Event("5", "bob", "b3-first-of-tie", "2024-01-05T00:00:00Z"),
            Event("6", "bob", "b3-second-of-tie", "2024-01-05T00:00:00Z"));

        var table = SqliteEventTableLoader.Load(SqliteStore.Open(path, false), TimeZoneInfo.Utc);

        string[] Names(string user)
        {
            var index = Array.IndexOf(table.UserKeys, user);
            return Enumerable.Range(table.UserOffsets[index], table.UserOffsets[index + 1] - table.UserOffsets[index])
                .Select(row => table.EventNames[table.EventCodes[row]]).ToArray();
        }
        Assert.Equal(["b1", "b2", "b3-first-of-tie", "b3-second-of-tie"], Names("bob"));
        Assert.Equal(["a1", "a2"], Names("ann"));
        Assert.Equal(6, table.EventCount);
        Assert.All(Enumerable.Range(0, table.EventCount), row => Assert.Equal(table.UserKeys[table.UserIndex[row]] == "bob" ? "bob" : "ann", table.UserKeys[table.UserIndex[row]]));
    }

    [Fact]
    public void Anonymous_events_belong_to_the_user_the_device_was_later_linked_to()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        Write(path,
            Event("1", null, "page_view", "2024-01-01T09:00:00Z", anonymous: "dev-1"),
            Event("2", null, "page_view", "2024-01-01T09:01:00Z", anonymous: "dev-2"),
            Event("3", "u1", "signup", "2024-01-01T09:05:00Z", anonymous: "dev-1"),
            Event("4", null, "page_view", "2024-01-02T09:00:00Z", anonymous: "dev-1"));

        var table = SqliteEventTableLoader.Load(SqliteStore.Open(path, false), TimeZoneInfo.Utc);

        Assert.Equal(1, table.SignedUpUserCount);
        Assert.Equal(2, table.UserCount);
        Assert.Equal("u1", table.UserKeys[0]);
        Assert.Equal(3, table.UserOffsets[1] - table.UserOffsets[0]);
        Assert.True(table.IsVisitor(1));
        Assert.Equal("dev-2", table.UserKeys[1]);
        // Without a profile, sign-up falls back to the user's first event, the anonymous page view.
        Assert.Equal(table.Timestamps[0], table.SignupAt[0]);
    }

    [Fact]
    public void Properties_decode_on_demand_aligned_with_sorted_rows()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        Write(path,
            Event("1", "u1", "use_template", "2024-01-02T00:00:00Z", properties: """{"template":"roadmap","n":3}""", platform: "ios"),
            Event("2", "u1", "use_template", "2024-01-01T00:00:00Z", properties: """{"template":"wiki","nested":{"a":1}}""", platform: "web"),
            Event("3", "u1", "other", "2024-01-03T00:00:00Z"));

        var table = SqliteEventTableLoader.Load(SqliteStore.Open(path, false), TimeZoneInfo.Utc);
        var template = table.Property("template");
        var platform = table.Property("platform");

        Assert.Equal(["wiki", "roadmap", null], Enumerable.Range(0, 3).Select(row => template[row]));
        Assert.Equal(["web", "ios", null], Enumerable.Range(0, 3).Select(row => platform[row]));
        Assert.Equal("3", table.Property("n")[1]);
        Assert.Equal("""{"a":1}""", table.Property("nested")[0]);
        Assert.Equal("2", table.Property("event_id")[0]);
    }

    [Fact]
    public void An_empty_store_loads_as_an_empty_table()
    {
        using var directory = new TempDirectory();
        var table = SqliteEventTableLoader.Load(SqliteStore.Open(directory.File("s.db"), true), TimeZoneInfo.Utc);

        Assert.Equal(0, table.EventCount);
        Assert.Equal(0, table.UserCount);
        Assert.Single(table.UserOffsets);
    }
}
