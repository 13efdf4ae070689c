using Sextant.Events;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

public sealed class IngestVendorOptionsTests
{
    private const string MixpanelRow = """{"event":"Signed Up","properties":{"time":1718000000,"distinct_id":"u1","$insert_id":"a1"}}""";

    [Fact]
    public void A_vendor_export_is_detected_and_named_in_the_result()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("export.jsonl", MixpanelRow + "\n");

        Assert.Equal("mixpanel", result.Files[0].Format);
        Assert.Equal((1L, 1L), (result.Read, result.Inserted));
    }

    [Fact]
    public void Column_mappings_are_refused_on_a_vendor_export_with_what_to_do()
    {
        using var fixture = new StoreFixture();
        var options = new IngestOptions { Map = new Dictionary<string, string> { ["properties.distinct_id"] = "user_id" } };

        var error = Assert.Throws<SextantException>(() => fixture.Ingest("export.jsonl", MixpanelRow + "\n", options));

        Assert.Contains("read as a mixpanel export", error.Message, StringComparison.Ordinal);
        Assert.Contains("--format jsonl", error.Message, StringComparison.Ordinal);
        if (File.Exists(fixture.StorePath))
        {
            using var store = Sextant.Storage.Sqlite.SqliteStore.OpenReadOnly(fixture.StorePath);
            Assert.Empty(store.ReadIngestRuns());
        }
    }

    [Fact]
    public void Forcing_the_canonical_format_reads_the_row_as_columns()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("export.jsonl", MixpanelRow + "\n", new IngestOptions { Format = "jsonl" });

        Assert.Equal("jsonl", result.Files[0].Format);
        Assert.Equal(1, result.Quarantined);
    }

    [Fact]
    public void A_kind_other_than_events_is_refused_on_a_vendor_export()
    {
        using var fixture = new StoreFixture();

        var error = Assert.Throws<SextantException>(() => fixture.Ingest("export.jsonl", MixpanelRow + "\n", new IngestOptions { Kind = RecordKind.Users }));

        Assert.Contains("not users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_name_lists_the_known_ones()
    {
        using var fixture = new StoreFixture();

        var error = Assert.Throws<SextantException>(() => fixture.Ingest("export.jsonl", MixpanelRow + "\n", new IngestOptions { Format = "heap" }));

        Assert.Contains("unknown format 'heap'", error.Message, StringComparison.Ordinal);
        Assert.Contains("mixpanel", error.Message, StringComparison.Ordinal);
    }
}
