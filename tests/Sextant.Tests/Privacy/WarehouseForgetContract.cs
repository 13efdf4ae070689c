using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Privacy;
using Sextant.Serialization;
using Sextant.Storage;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Tests.Support;

namespace Sextant.Tests.Privacy;

/// <summary>
/// Forgetting on a warehouse store: the fixture of <see cref="ForgetFixture"/> ingested, alice
/// forgotten, and the store then holds what a store ingested without her holds, passes its
/// self-check and logs the erasure without her id.
/// </summary>
public abstract class WarehouseForgetContract : IDisposable
{
    protected TempDirectory Directory { get; } = new();

    /// <summary>A connection to an empty database.</summary>
    protected abstract IWarehouse Connect();

    public void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected WarehouseStore Ingested(IWarehouse warehouse, string[]? files = null)
    {
        var store = WarehouseStore.Open(warehouse, create: true);
        files ??= [ForgetFixture.Events, ForgetFixture.Users, ForgetFixture.Subscriptions, ForgetFixture.Assignments];
        var prefix = Guid.NewGuid().ToString("N");
        var lines = files[0].Split('\n');
        var paths = new[]
        {
            Directory.Write(prefix + "events1.csv", string.Join('\n', lines.Take(4)) + "\n"),
            Directory.Write(prefix + "events2.csv", string.Join('\n', lines.Take(1).Concat(lines.Skip(4))) + "\n"),
            Directory.Write(prefix + "users.csv", files[1]),
            Directory.Write(prefix + "subscriptions.csv", files[2]),
            Directory.Write(prefix + "assignments.csv", files[3]),
        };
        new Ingestor(store, new IngestOptions { QuarantinePath = QuarantinePath }, FixedClock.At2026).Ingest(paths);
        return store;
    }

    protected string QuarantinePath => Directory.File("quarantine.jsonl");

    protected ErasureCounts Forget(WarehouseStore store, params string[] ids) =>
        PersonEraser.Forget(store, ids, "dpo", ForgetFixture.At, pseudonymiser: null, QuarantinePath);

    [Fact]
    public void Forgetting_a_user_leaves_what_a_store_without_them_holds_and_the_self_check_passes()
    {
        using var warehouse = Connect();
        using var store = Ingested(warehouse);

        var counts = Forget(store, "alice");

        Assert.Equal(new ErasureCounts(1, 3, 1, 1, 1, 1, 0), counts);
        Assert.Equal(4L, store.CountEvents());
        using var emptyWarehouse = Connect();
        using var without = Ingested(emptyWarehouse, ForgetFixture.WithoutAlice);
        var after = EventTableBuilder.Build(store, TimeZoneInfo.Utc);
        var expected = EventTableBuilder.Build(without, TimeZoneInfo.Utc);
        Assert.Equal(expected.UserKeys, after.UserKeys);
        Assert.Equal(expected.UserOffsets, after.UserOffsets);
        Assert.Equal(expected.Timestamps, after.Timestamps);
        Assert.Equal(ResultJson.Serialize(new InMemoryEngine(expected).Run(new EngagementQuery())), ResultJson.Serialize(new InMemoryEngine(after).Run(new EngagementQuery())));
        Assert.Equal((0, 0, 0), (store.ReadProfiles().Count(p => p.UserId == "alice"), store.ReadSubscriptions().Count(s => s.UserId == "alice"), store.ReadAssignments().Count(a => a.UserId == "alice")));
        Assert.All(store.VerifyIntegrity(), finding => Assert.Equal(IntegrityStatus.Pass, finding.Status));
        var logged = Assert.Single(store.ReadErasures());
        Assert.Equal(("dpo", 3L), (logged.By, logged.Counts.Events));
    }
}
