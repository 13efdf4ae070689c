using Sextant.Events;
using Sextant.Tests.Storage;

namespace Sextant.Tests.Events;

public sealed class TableMemoryTests
{
    [Fact]
    public void A_store_larger_than_memory_is_refused_before_any_event_is_read()
    {
        var store = new InMemoryEventStore();
        store.Add("u1", null, "signup", 1_000_000);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        store.ReportedEventCount = available / TableMemory.BuildBytesPerEvent + 1;

        var error = Assert.Throws<SextantException>(() => EventTableBuilder.Build(store, TimeZoneInfo.Utc));

        Assert.Contains("building its table from the chunks needs about", error.Message, StringComparison.Ordinal);
        Assert.Contains("split the data into several stores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_an_array_holds_are_refused_with_the_limit()
    {
        var error = Assert.Throws<SextantException>(() => TableMemory.EnsureFits(3_000_000_000, 1, "opening"));

        Assert.Contains("at most 2,147,483,591", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_fits_builds()
    {
        var store = new InMemoryEventStore();
        store.Add("u1", null, "signup", 1_000_000);

        Assert.Equal(1, EventTableBuilder.Build(store, TimeZoneInfo.Utc).EventCount);
    }
}
