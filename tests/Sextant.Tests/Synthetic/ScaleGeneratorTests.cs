using Sextant.Synthetic;
using Sextant.Tests.Support;

namespace Sextant.Tests.Synthetic;

public sealed class ScaleGeneratorTests
{
    [Fact]
    public void Scale_files_ingest_cleanly_with_every_user_active_inside_the_month()
    {
        using var fixture = new StoreFixture();
        var scenario = new ScaleScenario { Users = 5_000 };
        var events = ScaleGenerator.WriteFiles(scenario, fixture.Directory.File("scale"));

        var result = fixture.IngestFiles([fixture.Directory.File("scale/user_profiles.csv"), fixture.Directory.File("scale/user_events.csv")]);

        Assert.Equal(0, result.Quarantined);
        Assert.Equal(5_000 + events, result.Inserted);
        var table = fixture.Load();
        Assert.Equal(5_000, table.SignedUpUserCount);
        Assert.All(Enumerable.Range(0, table.UserCount), user => Assert.True(table.UserOffsets[user + 1] > table.UserOffsets[user]));
        var monthStart = NotionGenerator.DayStart(scenario.From);
        Assert.True(table.MinTimestamp >= monthStart);
        Assert.True(table.MaxTimestamp < monthStart + 30L * 86_400_000_000L);
    }

    [Fact]
    public void The_same_seed_streams_identical_bytes()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        ScaleGenerator.WriteEvents(new ScaleScenario { Users = 3_000 }, first);
        ScaleGenerator.WriteEvents(new ScaleScenario { Users = 3_000 }, second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
