using Sextant.Analysis.Checks;
using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Privacy;
using Sextant.Serialization;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Privacy;

public sealed class SqliteForgetTests
{
    private static ErasureCounts Forget(StoreFixture fixture, params string[] ids)
    {
        using var store = SqliteStore.Open(fixture.StorePath, create: false);
        return PersonEraser.Forget(store, ids, "dpo@example.com", ForgetFixture.At, pseudonymiser: null, fixture.QuarantinePath);
    }

    [Fact]
    public void Forgetting_a_user_removes_their_events_linked_anonymous_events_profile_subscriptions_and_assignments()
    {
        using var fixture = new StoreFixture();
        ForgetFixture.Ingest(fixture);

        var counts = Forget(fixture, "alice");

        Assert.Equal(new ErasureCounts(Users: 1, Events: 3, Profiles: 1, Subscriptions: 1, Assignments: 1, AnonymousIds: 1, QuarantineRows: 0), counts);
        Assert.Equal(4, fixture.Count("SELECT sum(rows) FROM event_chunks"));
        Assert.Equal(1, fixture.Count("SELECT COUNT(*) FROM event_chunks"));
        Assert.Equal((1L, 1L, 1L), (fixture.Count("SELECT COUNT(*) FROM users"), fixture.Count("SELECT COUNT(*) FROM subscriptions"), fixture.Count("SELECT COUNT(*) FROM assignments")));
        var table = fixture.Load();
        Assert.DoesNotContain("alice", table.UserKeys);
        Assert.DoesNotContain("a1", table.UserKeys);
        Assert.Equal(["bob", "carol", "a3"], table.UserKeys);
    }

    [Fact]
    public void The_store_after_forgetting_equals_one_ingested_without_the_user()
    {
        using var forgotten = new StoreFixture();
        ForgetFixture.Ingest(forgotten);
        Forget(forgotten, "alice");
        using var without = new StoreFixture();
        ForgetFixture.Ingest(without, files: ForgetFixture.WithoutAlice);

        var after = forgotten.Load();
        var expected = without.Load();

        Assert.Equal(expected.UserKeys, after.UserKeys);
        Assert.Equal(expected.UserOffsets, after.UserOffsets);
        Assert.Equal(expected.Timestamps, after.Timestamps);
        // Event names are not personal and keep their codes, so compare each row's name.
        Assert.Equal(expected.EventCodes.Select(code => expected.EventNames[code]), after.EventCodes.Select(code => after.EventNames[code]));
        Assert.Equal(ResultJson.Serialize(new InMemoryEngine(expected).Run(new EngagementQuery())), ResultJson.Serialize(new InMemoryEngine(after).Run(new EngagementQuery())));
    }

    [Fact]
    public void A_chunk_keeping_other_users_rows_is_rewritten_and_passes_the_self_check()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.csv", ForgetFixture.Events + "\n");

        var counts = Forget(fixture, "bob");

        Assert.Equal((2L, 1L), (counts.Events, counts.AnonymousIds));
        Assert.Equal(5, fixture.Count("SELECT rows FROM event_chunks"));
        var table = fixture.Load();
        Assert.Equal(["alice", "carol", "a3"], table.UserKeys);
        Assert.Equal([0, 3, 4, 5], table.UserOffsets);
        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
        Assert.All(store.VerifyIntegrity().Take(2), finding => Assert.Equal(IntegrityStatus.Pass, finding.Status));
        var check = CheckRunner.Run(store, new CheckQuery(new Dictionary<string, IReadOnlyList<string>>(), FixedClock.At2026.GetUtcNow()), () => fixture.Load());
        Assert.False(check.AnyFailed);
    }

    [Fact]
    public void The_store_file_keeps_no_bytes_of_the_erased_id()
    {
        using var fixture = new StoreFixture();
        ForgetFixture.Ingest(fixture);
        var alice = System.Text.Encoding.UTF8.GetBytes("alice");
        Assert.True(File.ReadAllBytes(fixture.StorePath).AsSpan().IndexOf(alice) >= 0);

        Forget(fixture, "alice");

        Assert.False(File.Exists(fixture.StorePath + "-wal"));
        Assert.Equal(-1, File.ReadAllBytes(fixture.StorePath).AsSpan().IndexOf(alice));
    }

    [Fact]
    public void Forgetting_an_assignment_that_is_not_the_newest_row_still_changes_the_store_stamp()
    {
        // zoe is known from an assignment alone: no dictionary entry, and yan's row stays the newest.
        using var fixture = new StoreFixture();
        fixture.Ingest("assignments.csv", "experiment,user_id,variant,assigned_at\nx,zoe,control,2026-01-01\nx,yan,control,2026-01-01\n");
        string before;
        using (var store = SqliteStore.OpenReadOnly(fixture.StorePath)) before = store.ReadChangeStamp();

        var counts = Forget(fixture, "zoe");

        Assert.Equal((1L, 0L), (counts.Assignments, counts.Events));
        using var after = SqliteStore.OpenReadOnly(fixture.StorePath);
        Assert.NotEqual(before, after.ReadChangeStamp());
    }

    [Fact]
    public void The_erasure_is_logged_with_who_when_and_counts_but_never_the_id()
    {
        using var fixture = new StoreFixture();
        ForgetFixture.Ingest(fixture);

        Forget(fixture, "alice");

        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
        var record = Assert.Single(store.ReadErasures());
        Assert.Equal("dpo@example.com", record.By);
        Assert.Equal(ForgetFixture.At, record.At);
        Assert.Equal(3L, record.Counts.Events);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM erasures";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        for (var column = 0; column < reader.FieldCount; column++)
            Assert.DoesNotContain("alice", Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_is_an_error_naming_it_and_nothing_changes()
    {
        using var fixture = new StoreFixture();
        ForgetFixture.Ingest(fixture);
        var before = File.ReadAllBytes(fixture.StorePath);

        var error = Assert.Throws<SextantException>(() => Forget(fixture, "alice", "zed"));

        Assert.Equal("forget: unknown user id 'zed': no event, profile, subscription or assignment in the store has it; nothing was changed", error.Message);
        Assert.Equal(7, fixture.Count("SELECT sum(rows) FROM event_chunks"));
        Assert.Equal(2, fixture.Count("SELECT COUNT(*) FROM users"));
        Assert.Equal(before.Length, new FileInfo(fixture.StorePath).Length);
    }

    [Fact]
    public void Forgetting_twice_changes_nothing_the_second_time()
    {
        using var fixture = new StoreFixture();
        ForgetFixture.Ingest(fixture);
        Forget(fixture, "alice");
        var events = fixture.Count("SELECT sum(rows) FROM event_chunks");

        Assert.Throws<SextantException>(() => Forget(fixture, "alice"));

        Assert.Equal(4L, events);
        Assert.Equal(events, fixture.Count("SELECT sum(rows) FROM event_chunks"));
        Assert.Equal(1, fixture.Count("SELECT COUNT(*) FROM erasures"));
    }

    [Fact]
    public void The_persons_quarantined_rows_go_and_the_others_stay()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.csv", "event_id,user_id,anonymous_id,event,timestamp\ne1,alice,a1,view,2026-01-01T10:00:00Z\ne2,alice,,,2026-01-01\ne3,alice10,,,2026-01-01\ne4,,a1,view,not-a-time\n");
        Assert.Equal(3, fixture.QuarantineLines().Length);

        var counts = Forget(fixture, "alice");

        Assert.Equal(2L, counts.QuarantineRows);
        var left = Assert.Single(fixture.QuarantineLines());
        Assert.Contains("alice10", left, StringComparison.Ordinal);
    }

    [Fact]
    public void With_pseudonymisation_the_given_id_is_looked_up_by_its_pseudonym()
    {
        using var fixture = new StoreFixture();
        ForgetFixture.Ingest(fixture, new Sextant.Ingest.IngestOptions { Privacy = new PrivacySettings { Pseudonymiser = PseudonymiserTests.Create() } });

        using var store = SqliteStore.Open(fixture.StorePath, create: false);
        var counts = PersonEraser.Forget(store, ["alice"], "dpo", ForgetFixture.At, PseudonymiserTests.Create(), fixture.QuarantinePath);

        Assert.Equal((3L, 1L), (counts.Events, counts.Profiles));
        Assert.DoesNotContain(PseudonymiserTests.Alice, store.ReadUserIds());
    }
}
