using Sextant.Bench.Serve;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>
/// A bounded load on a real <c>sextant serve</c> process (Kestrel on loopback): reader clients
/// and writer clients at once. It checks correctness only — no error answer, every posted event
/// stored exactly once and served — never speed (bench serve-load measures that).
/// </summary>
public sealed class LoadTests
{
    [Fact]
    public async Task Eight_clients_reading_and_posting_for_ten_seconds_get_no_error_and_lose_or_double_no_event()
    {
        // Given a generated store served by the command line on a free port,
        using var directory = new TempDirectory();
        var store = directory.File("sextant.db");
        var (code, _, error) = InProcessCli.Run("generate", "--users", "2000", "--from", "2025-01-01", "--to", "2025-06-30", "--seed", "7", "--store", store);
        Assert.True(code == 0, error);
        var before = Count(store);
        var info = CliRunner.StartInfo(directory.Path, "serve", "--store", store, "--port", "0", "--rate-limit", "1000000");
        ServeLoad.Outcome outcome;
        using (var server = await ServeProcess.Start(info, TimeSpan.FromMinutes(2)))
        {
            // when 6 readers run funnels and 2 writers post batches of 50 new events for 10 seconds,
            var mix = new ServeLoad.Request[]
            {
                new("GET funnel", "/api/v1/funnel?steps=signup,create_page,edit_page&window=7d&breakdown=segment"),
                new("POST analysis/run funnel", "/api/v1/analysis/run", """{"analysis": "funnel", "steps": "signup,create_page", "from": "2025-02-01"}"""),
            };
            outcome = await ServeLoad.Run(server.Url, mix, readers: 6, writers: 2, eventsPerPost: 50, TimeSpan.FromSeconds(10));
        }

        // then every answer was a success, and the store and the served table grew by exactly the events posted.
        Assert.Empty(outcome.Errors);
        Assert.True(outcome.EventsPosted > 0);
        Assert.Equal(outcome.EventsPosted, outcome.EventsInserted);
        Assert.Equal(before + outcome.EventsPosted, Count(store));
        Assert.Equal(before + outcome.EventsPosted, outcome.LastTableEvents);
        Assert.True(outcome.MillisecondsByLabel["GET funnel"].Count > 0);
    }

    private static long Count(string store)
    {
        using var reader = SqliteStore.OpenReadOnly(store);
        return reader.CountEvents();
    }
}
