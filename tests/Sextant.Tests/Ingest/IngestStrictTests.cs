using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

public sealed class IngestStrictTests
{
    // Two good rows (one an exposure event that would make an assignment) and one row without a user.
    private const string Events = """
        {"event_id":"e1","user_id":"u1","event":"signup","timestamp":"2024-01-01T00:00:00Z"}
        {"event_id":"e2","user_id":"u1","event":"$experiment_started","timestamp":"2024-01-01T00:01:00Z","properties":{"experiment":"onboarding","variant":"control"}}
        {"event_id":"e3","event":"signup","timestamp":"2024-01-01T00:02:00Z"}
        """ + "\n";

    [Fact]
    public void Given_a_strict_file_with_a_bad_row_when_it_is_rolled_back_then_every_count_says_nothing_was_stored()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.jsonl", Events, new IngestOptions { Strict = true });

        var file = Assert.Single(result.Files);
        Assert.False(file.Committed);
        Assert.Equal((3L, 0L, 0L, 0L, 1L, 0L, 2L),
            (file.Read, file.Inserted, file.Updated, file.Duplicates, file.Quarantined, file.ExposureAssignments, file.RolledBack));
        Assert.Equal((0L, 0L, 0L, 2L), (result.Inserted, result.Updated, result.Duplicates, result.RolledBack));
        Assert.Equal(result.Read, result.Inserted + result.Updated + result.Duplicates + result.Quarantined + result.Filtered + result.RolledBack);
        Assert.Equal(0, fixture.Count("SELECT COUNT(*) FROM assignments"));
        Assert.Equal(1, fixture.Count("SELECT COUNT(*) FROM ingest_runs WHERE status = 'rolled_back' AND read = 3 AND inserted = 0 AND updated = 0 AND duplicates = 0 AND quarantined = 1"));
    }

    [Fact]
    public void Given_a_rolled_back_file_when_a_clean_file_follows_then_only_the_clean_file_counts_as_inserted()
    {
        using var fixture = new StoreFixture();
        var bad = fixture.Directory.Write("bad.jsonl", Events);
        var good = fixture.Directory.Write("good.csv", "event_id,user_id,event,timestamp\ng1,u2,signup,2024-01-02T00:00:00Z\n");

        var result = fixture.IngestFiles([bad, good], new IngestOptions { Strict = true });

        Assert.Equal([0L, 1L], result.Files.Select(f => f.Inserted));
        Assert.Equal(1, result.Inserted);
        Assert.Equal(1, fixture.Load().EventCount);
    }
}
