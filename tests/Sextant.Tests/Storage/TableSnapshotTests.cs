using Sextant.Events;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage;

public sealed class TableSnapshotTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _store;

    public TableSnapshotTests()
    {
        _store = _directory.File("s.db");
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>A small generated product: profiles with traits, visitors, linked devices, subscriptions and assignments.</summary>
    private void WriteScenario()
    {
        var data = NotionGenerator.Generate(new NotionScenario { Users = 400, Seed = 7 });
        using var store = SqliteStore.Open(_store, create: true);
        ScenarioStoreWriter.Write(data, store);
    }

    private (EventTable Table, List<string> Notices) Open(TimeZoneInfo? zone = null)
    {
        var notices = new List<string>();
        using var store = SqliteStore.OpenReadOnly(_store);
        return (TableSnapshot.Load(store, _store, zone ?? TimeZoneInfo.Utc, notices.Add), notices);
    }

    private EventTable BuildFromChunks(TimeZoneInfo? zone = null)
    {
        using var store = SqliteStore.OpenReadOnly(_store);
        return EventTableBuilder.Build(store, zone ?? TimeZoneInfo.Utc);
    }

    [Fact]
    public void The_snapshot_holds_the_same_table_as_the_chunks_in_every_column()
    {
        WriteScenario();
        var written = TableSnapshot.Write(_store);
        Assert.Null(written.Problem);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var (fromSnapshot, notices) = Open(zone);
        var fromChunks = BuildFromChunks(zone);

        Assert.Empty(notices);
        Assert.True(fromChunks.EventCount > 1000 && fromChunks.UserCount > fromChunks.SignedUpUserCount, "the scenario has events and visitors");
        AssertSameTable(fromChunks, fromSnapshot);
        Assert.Equal(written.Events, fromChunks.EventCount);
    }

    internal static void AssertSameTable(EventTable expected, EventTable actual)
    {
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Equal(expected.EventCodes, actual.EventCodes);
        Assert.Equal(expected.UserIndex, actual.UserIndex);
        Assert.Equal(expected.StoreRows, actual.StoreRows);
        Assert.Equal(expected.UserOffsets, actual.UserOffsets);
        Assert.Equal(expected.EventNames, actual.EventNames);
        Assert.Equal(expected.UserKeys, actual.UserKeys);
        Assert.Equal(expected.SignedUpUserCount, actual.SignedUpUserCount);
        Assert.Equal(expected.SignupAt, actual.SignupAt);
        Assert.Equal((expected.MinTimestamp, expected.MaxTimestamp), (actual.MinTimestamp, actual.MaxTimestamp));
        Assert.Equal(expected.Attributes.Names, actual.Attributes.Names);
        foreach (var name in expected.Attributes.Names)
        {
            Assert.Equal(expected.Attributes[name]!.Codes, actual.Attributes[name]!.Codes);
            Assert.Equal(expected.Attributes[name]!.Values, actual.Attributes[name]!.Values);
        }
        var (s, t) = (expected.Subscriptions, actual.Subscriptions);
        Assert.True(s.Count > 0 || expected.EventCount < 100, "the scenario has subscriptions");
        Assert.Equal(s.User, t.User);
        Assert.Equal(s.Start, t.Start);
        Assert.Equal(s.End, t.End);
        Assert.Equal(s.Mrr, t.Mrr);
        Assert.Equal(s.Currency, t.Currency);
        Assert.Equal(s.Trial, t.Trial);
        Assert.Equal(s.UnmatchedCount, t.UnmatchedCount);
        var (a, b) = (expected.Assignments, actual.Assignments);
        Assert.True(a.Count > 0 || expected.EventCount < 100, "the scenario has assignments");
        Assert.Equal(a.ExperimentNames, b.ExperimentNames);
        Assert.Equal(a.Experiment, b.Experiment);
        Assert.Equal(a.User, b.User);
        Assert.Equal(a.Variant, b.Variant);
        Assert.Equal(a.AssignedAt, b.AssignedAt);
        Assert.Equal(a.UnmatchedCount, b.UnmatchedCount);
        Assert.Equal(expected.Calendar.DayOf(expected.MinTimestamp), actual.Calendar.DayOf(actual.MinTimestamp));
        Assert.Equal(expected.Property("platform").Values, actual.Property("platform").Values);
        Assert.Equal(expected.Property("platform").Codes, actual.Property("platform").Codes);
    }

    [Fact]
    public void A_store_written_after_its_snapshot_is_loaded_from_the_chunks_and_says_so()
    {
        Write(_store, At("u1", "signup", "2026-01-01T09:00:00Z"), At("u2", "signup", "2026-01-02T09:00:00Z"));
        Assert.Null(TableSnapshot.Write(_store).Problem);
        // A later write that did not rewrite the snapshot: an ingest killed before its end, or an earlier Sextant.
        Write(_store, At("u3", "signup", "2026-01-03T09:00:00Z"));

        var (table, notices) = Open();

        Assert.Equal(3, table.EventCount);
        var notice = Assert.Single(notices);
        Assert.Contains("is older than the store", notice, StringComparison.Ordinal);
        Assert.Contains("'sextant snapshot'", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_snapshot_is_not_used_and_the_table_is_the_same()
    {
        WriteScenario();
        Assert.Null(TableSnapshot.Write(_store).Problem);
        var path = TableSnapshot.PathFor(_store);
        var bytes = File.ReadAllBytes(path);
        // The header is 256 bytes and the scalars 88: the timestamps start at byte 384.
        bytes[400] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var (table, notices) = Open();

        Assert.Contains("is damaged", Assert.Single(notices), StringComparison.Ordinal);
        AssertSameTable(BuildFromChunks(), table);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4096)]
    public void A_cut_short_snapshot_is_not_used(int keptBytes)
    {
        Write(_store, At("u1", "signup", "2026-01-01T09:00:00Z"));
        Assert.Null(TableSnapshot.Write(_store).Problem);
        var path = TableSnapshot.PathFor(_store);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..Math.Min(keptBytes, (int)new FileInfo(path).Length - 1)]);

        var (table, notices) = Open();

        Assert.Equal(1, table.EventCount);
        Assert.Contains("is damaged", Assert.Single(notices), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_without_a_snapshot_loads_quietly_when_that_is_quick()
    {
        Write(_store, At("u1", "signup", "2026-01-01T09:00:00Z"));

        var (table, notices) = Open();

        Assert.Equal(1, table.EventCount);
        Assert.Empty(notices);
        Assert.False(File.Exists(TableSnapshot.PathFor(_store)), "readers never write a snapshot");
    }

    [Fact]
    public void The_change_stamp_moves_with_every_kind_of_write_and_only_then()
    {
        using var fixture = new StoreFixture();
        string Stamp()
        {
            using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
            return store.ReadChangeStamp();
        }
        fixture.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,2026-01-01T09:00:00Z\n");
        var stamps = new List<string> { Stamp(), Stamp() };
        Assert.Equal(stamps[0], stamps[1]);

        fixture.Ingest("users.csv", "user_id,signup_at,segment\nu1,2026-01-01T09:00:00Z,smb\n");
        stamps.Add(Stamp());
        // Same user, new segment: an update adds no row, but its run counts it.
        fixture.Ingest("users2.csv", "user_id,signup_at,segment\nu1,2026-01-01T09:00:00Z,enterprise\n");
        stamps.Add(Stamp());
        fixture.Ingest("subscriptions.csv", "subscription_id,user_id,plan,status,start_at,mrr,currency\ns1,u1,pro,active,2026-01-02T00:00:00Z,10,USD\n");
        stamps.Add(Stamp());
        fixture.Ingest("assignments.csv", "experiment,user_id,variant,assigned_at\nx,u1,b,2026-01-02T00:00:00Z\n");
        stamps.Add(Stamp());
        fixture.Ingest("events2.csv", "user_id,event,timestamp\nu1,edit_page,2026-01-03T09:00:00Z\n");
        stamps.Add(Stamp());

        Assert.Equal(stamps.Count - 1, stamps.Distinct().Count());
    }

    [Fact]
    public void The_snapshot_is_as_private_as_the_store()
    {
        if (OperatingSystem.IsWindows()) return;
        Write(_store, At("u1", "signup", "2026-01-01T09:00:00Z"));
        File.SetUnixFileMode(_store, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Null(TableSnapshot.Write(_store).Problem);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TableSnapshot.PathFor(_store)));
    }

    [Fact]
    public void A_store_ingested_again_with_other_events_of_the_same_shape_does_not_match_the_old_snapshot()
    {
        // The same clock, the same file name and the same counts: only the events differ.
        using var fixture = new StoreFixture();
        fixture.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,2026-01-01T09:00:00Z\nu2,signup,2026-01-02T09:00:00Z\n");
        Assert.Null(TableSnapshot.Write(fixture.StorePath).Problem);
        foreach (var file in new[] { fixture.StorePath, fixture.StorePath + "-wal", fixture.StorePath + "-shm" }) File.Delete(file);
        fixture.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,2026-03-01T09:00:00Z\nu2,signup,2026-03-02T09:00:00Z\n");

        var notices = new List<string>();
        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
        var table = TableSnapshot.Load(store, fixture.StorePath, TimeZoneInfo.Utc, notices.Add);

        Assert.Contains("is older than the store", Assert.Single(notices), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 1), table.Calendar.DateOf(table.MinTimestamp));
    }

    [Fact]
    public void Info_reads_a_current_snapshot_and_says_why_it_did_not_use_a_stale_one()
    {
        Write(_store, At("u1", "signup", "2026-01-01T09:00:00Z"), At("u2", "signup", "2026-01-02T09:00:00Z"));
        Assert.Null(TableSnapshot.Write(_store).Problem);
        var notices = new List<string>();
        using (var store = SqliteStore.OpenReadOnly(_store))
            Assert.Equal(2, Sextant.Analysis.Info.StoreInfo.Read(store, _store, notice: notices.Add).Events);
        Assert.Empty(notices);

        Write(_store, At("u3", "signup", "2026-01-03T09:00:00Z"));
        using (var store = SqliteStore.OpenReadOnly(_store))
            Assert.Equal(3, Sextant.Analysis.Info.StoreInfo.Read(store, _store, notice: notices.Add).Events);

        Assert.Contains("is older than the store", Assert.Single(notices), StringComparison.Ordinal);
    }
}
