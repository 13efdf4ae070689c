using Sextant.Storage;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Privacy;

/// <summary>Forgetting on a DuckDB store: in process and cheap, so tested in full.</summary>
public sealed class DuckDbForgetTests : WarehouseForgetContract
{
    private int _files;

    protected override IWarehouse Connect() => WarehouseConnections.Open(StoreUrl.Parse("duckdb:" + Directory.File($"store{++_files}.duckdb")));

    [Fact]
    public void The_linked_anonymous_events_go_and_the_identity_links_of_the_user_with_them()
    {
        using var warehouse = Connect();
        using var store = Ingested(warehouse);

        Forget(store, "alice");

        Assert.DoesNotContain(store.ReadLinks(), link => link.UserId == "alice" || link.AnonymousId == "a1");
        long anonymousEvents = 0;
        warehouse.Read("SELECT count(*) FROM sextant_events WHERE anonymous_id = 'a1'", row => anonymousEvents = row.GetInt64(0));
        Assert.Equal(0L, anonymousEvents);
        long resolved = 0;
        warehouse.Read("SELECT count(*) FROM sextant_identity WHERE user_id = 'alice'", row => resolved = row.GetInt64(0));
        Assert.Equal(0L, resolved);
    }

    [Fact]
    public void The_erasure_log_holds_no_id()
    {
        using var warehouse = Connect();
        using var store = Ingested(warehouse);

        Forget(store, "alice", "bob");

        var texts = new List<string>();
        warehouse.Read("SELECT * FROM sextant_erasures", row =>
        {
            for (var column = 0; column < 9; column++) texts.Add(row.IsNull(column) ? "" : column == 0 ? row.GetString(column) : row.GetInt64(column).ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.Equal(["dpo", ForgetFixture.At.UnixMicroseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "2", "5", "2", "2", "2", "2", "0"], texts);
    }

    [Fact]
    public void An_unknown_id_changes_nothing_and_a_second_forget_finds_the_user_gone()
    {
        using var warehouse = Connect();
        using var store = Ingested(warehouse);

        var error = Assert.Throws<SextantException>(() => Forget(store, "zed"));
        Assert.Contains("'zed'", error.Message, StringComparison.Ordinal);
        Assert.Equal(7L, store.CountEvents());

        Forget(store, "bob");
        Assert.Throws<SextantException>(() => Forget(store, "bob"));

        Assert.Equal(5L, store.CountEvents());
        Assert.Single(store.ReadErasures());
        Assert.All(store.VerifyIntegrity(), finding => Assert.Equal(IntegrityStatus.Pass, finding.Status));
    }

    [Fact]
    public void New_events_after_a_forget_are_numbered_on_from_the_renumbered_events()
    {
        using var warehouse = Connect();
        using var store = Ingested(warehouse);
        Forget(store, "alice");

        new Sextant.Ingest.Ingestor(store, new Sextant.Ingest.IngestOptions { QuarantinePath = QuarantinePath }, Support.FixedClock.At2026)
            .Ingest([Directory.Write("more.csv", "event_id,user_id,event,timestamp\ne8,dave,view,2026-01-04T10:00:00Z\n")]);

        Assert.Equal(5L, store.CountEvents());
        Assert.All(store.VerifyIntegrity(), finding => Assert.Equal(IntegrityStatus.Pass, finding.Status));
    }
}
