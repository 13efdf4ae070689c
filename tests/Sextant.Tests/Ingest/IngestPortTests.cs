using Sextant.Events;
using Sextant.Ingest;
using Sextant.Storage;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>The ingestor against an in-memory store: everything it needs comes through the write port.</summary>
public sealed class IngestPortTests
{
    // Two good events (the second an exposure that makes an assignment), one repeat of the first and one row without a user.
    private const string Events = """
        {"event_id":"e1","user_id":"u1","event":"signup","timestamp":"2024-01-01T00:00:00Z"}
        {"event_id":"e2","user_id":"u1","event":"$experiment_started","timestamp":"2024-01-01T00:01:00Z","properties":{"experiment":"onboarding","variant":"control"}}
        {"event_id":"e1","user_id":"u1","event":"signup","timestamp":"2024-01-01T00:00:00Z"}
        {"event_id":"e3","event":"signup","timestamp":"2024-01-01T00:02:00Z"}
        """ + "\n";

    [Fact]
    public void Given_an_in_memory_store_when_events_are_ingested_then_new_events_duplicates_exposures_and_the_run_arrive_through_the_port()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var file = directory.Write("events.jsonl", Events);

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([file]);

        Assert.Equal(["e1", "e2"], store.Events.Select(e => e.EventId));
        var exposure = Assert.Single(store.Assignments);
        Assert.Equal(("onboarding", "u1", "control"), (exposure.Experiment, exposure.UserId, exposure.Variant));
        Assert.Equal((2L, 1L, 1L, 1L), (result.Inserted, result.Duplicates, result.Quarantined, result.Files[0].ExposureAssignments));
        var run = Assert.Single(store.Runs);
        Assert.Equal((Path.GetFullPath(file), RecordKind.Events, IngestRunStatus.Done), (run.File, run.Kind, run.Status));
        Assert.Equal(new IngestRunCounts(4, 2, 0, 1, 1), run.Counts);
        Assert.Equal(0, store.Rollbacks);
        // The bad row went to the quarantine file beside the store's location.
        Assert.Single(File.ReadAllLines(directory.File("memory.quarantine.jsonl")));
    }

    [Fact]
    public void Given_an_in_memory_store_when_a_strict_file_has_a_bad_row_then_its_batch_is_rolled_back_and_nothing_is_kept()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var file = directory.Write("events.jsonl", Events);

        var result = new Ingestor(store, new IngestOptions { Strict = true }, FixedClock.At2026).Ingest([file]);

        Assert.False(result.Files[0].Committed);
        Assert.Empty(store.Events);
        Assert.Empty(store.Assignments);
        Assert.Equal((0, 1), (store.Commits, store.Rollbacks));
        var run = Assert.Single(store.Runs);
        Assert.Equal(IngestRunStatus.RolledBack, run.Status);
        Assert.Equal(new IngestRunCounts(4, 0, 0, 0, 1), run.Counts);
    }

    [Fact]
    public void Given_an_in_memory_store_when_profiles_repeat_and_change_then_the_ports_outcomes_are_counted()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var file = directory.Write("users.csv", "user_id,plan\nu1,free\nu1,free\nu1,plus\nu2,free\n");

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([file]);

        Assert.Equal((2L, 1L, 1L), (result.Inserted, result.Updated, result.Duplicates));
        Assert.Equal("plus", store.Users["u1"].Plan);
        Assert.Equal(RecordKind.Users, store.Runs[0].Kind);
        Assert.Equal(new IngestRunCounts(4, 2, 1, 1, 0), store.Runs[0].Counts);
    }
}
