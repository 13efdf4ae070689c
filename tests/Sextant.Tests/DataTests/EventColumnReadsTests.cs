using Sextant.Analysis.Checks;
using Sextant.Analysis.DataTests;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Storage;
using Sextant.Tests.Storage;

namespace Sextant.Tests.DataTests;

/// <summary>The built-in checks and the declared tests on the events table share one read of the event columns.</summary>
public sealed class EventColumnReadsTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly DataTestSettings Settings = new(TimeZoneInfo.Utc, Now, null);

    private static long Micros(int day) => Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, day, 9, 0, 0, TimeSpan.Zero)).UnixMicroseconds;

    // Four events; one (a1's page_view) has no user_id.
    private static InMemoryEventStore Store() => new InMemoryEventStore()
        .Add(null, "a1", "page_view", Micros(1))
        .Add("u1", "a1", "signup", Micros(2))
        .Add("u1", null, "login", Micros(3))
        .Add("u2", null, "login", Micros(4));

    private static IReadOnlyList<DataTestConfig> Tests(string yaml) => ConfigLoader.Parse("tests:\n" + yaml, "sextant.yaml").Tests;

    private static CheckQuery Query() => new(new Dictionary<string, IReadOnlyList<string>>(), Now);

    [Fact]
    public void A_test_on_events_reuses_the_columns_the_checks_read()
    {
        var store = Store();
        var columns = new Lazy<EventColumns>(store.ReadEventColumns);

        var report = CheckRunner.Run(store, Query(), loadTable: null, () => columns.Value);
        var outcome = Assert.Single(DataTestRunner.Run(Tests("  - {test: not_null, table: events, column: user_id}"), store,
            () => columns.Value, () => [], Settings));

        Assert.Equal(1, store.ColumnReads);
        Assert.Equal(CheckStatus.Pass, Assert.Single(report.Checks, c => c.Name == "events_have_identity").Status);
        Assert.Equal(1, outcome.FailingRows);
    }

    [Fact]
    public void Without_given_columns_the_checks_and_the_tests_each_read_them()
    {
        var store = Store();

        CheckRunner.Run(store, Query(), loadTable: null);
        DataTestRunner.Run(Tests("  - {test: not_null, table: events, column: user_id}"), store, () => [], Settings);

        Assert.Equal(2, store.ColumnReads);
    }

    [Fact]
    public void Tests_read_the_event_columns_only_when_one_names_the_events_table()
    {
        var store = Store();
        store.Profiles.Add(new UserProfile("u1", null, null, null, null, null, null, null, "{}"));

        var users = Assert.Single(DataTestRunner.Run(Tests("  - {test: not_null, table: users, column: segment}"), store, () => [], Settings));
        var readsAfterUsers = store.ColumnReads;
        var events = Assert.Single(DataTestRunner.Run(Tests("  - {test: accepted_values, table: events, column: event, values: [login, signup]}"), store, () => [], Settings));

        Assert.Equal(0, readsAfterUsers);
        Assert.Equal(1, store.ColumnReads);
        Assert.Equal(1, users.FailingRows);
        Assert.Equal(1, events.FailingRows);
    }
}
