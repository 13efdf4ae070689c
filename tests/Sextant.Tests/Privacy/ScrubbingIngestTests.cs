using Sextant.Events;
using Sextant.Ingest;
using Sextant.Privacy;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Privacy;

public sealed class ScrubbingIngestTests
{
    private static IngestOptions Scrubbing(params string[] allow) =>
        new() { Privacy = new PrivacySettings { ScrubPii = true, Allow = allow } };

    [Fact]
    public void Event_properties_and_traits_are_scrubbed_and_the_replacements_counted()
    {
        using var fixture = new StoreFixture();
        var events = fixture.Ingest("events.jsonl",
            """
            {"user_id":"u1","event":"view","timestamp":"2026-01-01T10:00:00Z","properties":{"email":"a@b.io","ip":"10.1.2.3","app":"1.2.3.4.5"}}
            {"user_id":"u2","event":"view","timestamp":"2026-01-01T11:00:00Z","properties":{"contact":{"phone":"+49 151 2345 6789"},"server":"10.9.9.9"}}
            """, Scrubbing("server"));
        var users = fixture.Ingest("users.csv", "user_id,plan,email\nu1,pro,u1@example.com\n", Scrubbing());

        Assert.Equal(new PiiCounts(1, 1, 1), events.Scrubbed);
        Assert.Equal(new PiiCounts(1, 0, 0), users.Scrubbed);
        using var store = SqliteStore.Open(fixture.StorePath, create: false);
        Assert.Equal("""{"email":"[email]"}""", store.ReadProfiles().Single().TraitsJson);
        var properties = fixture.Load().Property("server");
        Assert.Contains("10.9.9.9", properties.Values);
    }

    [Fact]
    public void Scrubbing_off_reports_no_counts()
    {
        using var fixture = new StoreFixture();
        var result = fixture.Ingest("users.csv", "user_id,email\nu1,u1@example.com\n", new IngestOptions { Kind = RecordKind.Users });

        Assert.Null(result.Scrubbed);
        Assert.Equal(1, fixture.Count("SELECT COUNT(*) FROM users WHERE traits LIKE '%u1@example.com%'"));
    }
}
