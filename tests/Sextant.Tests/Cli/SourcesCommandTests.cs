using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

public sealed class SourcesCommandTests
{
    private const string Events = """
        {"event_id":"e1","user_id":"u1","event":"view","timestamp":"2024-03-01T08:00:00Z","source":"mixpanel"}
        {"event_id":"e2","user_id":"u2","event":"view","timestamp":"2024-03-01T09:00:00Z","source":"mixpanel"}
        {"event_id":"e3","user_id":"u1","event":"view","timestamp":"2024-03-01T08:00:00Z","source":"segment"}
        {"event_id":"e4","user_id":"u1","event":"view","timestamp":"2024-03-02T08:00:00Z","source":"mixpanel"}
        {"event_id":"e5","user_id":"u1","event":"view","timestamp":"2024-03-02T08:00:00Z","source":"segment"}
        """;

    [Fact]
    public void Lists_the_days_where_sources_disagree_and_the_identity_figures()
    {
        using var directory = new TempDirectory();
        var store = Path.Combine(directory.Path, "s.db");
        Assert.Equal(0, InProcessCli.Run("ingest", directory.Write("events.jsonl", Events + "\n"), "--store", store).Code);

        var (code, output, _) = InProcessCli.Run("sources", "--store", store);

        Assert.Equal(0, code);
        Assert.Contains("days where sources differ by more than 10%", output, StringComparison.Ordinal);
        Assert.Contains("2024-03-01", output, StringComparison.Ordinal);
        // 03-02 agrees (1 event each) and is the last, partial day: it is not listed.
        Assert.DoesNotContain("2024-03-02 (partial)", output, StringComparison.Ordinal);
        Assert.Contains("2024-03-02 (partial)", InProcessCli.Run("sources", "--store", store, "--all-days").Out, StringComparison.Ordinal);
        Assert.Contains("1 of 2 days differ", output, StringComparison.Ordinal);
        Assert.Contains("identity merging", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_every_day_with_its_spread()
    {
        using var directory = new TempDirectory();
        var store = Path.Combine(directory.Path, "s.db");
        Assert.Equal(0, InProcessCli.Run("ingest", directory.Write("events.jsonl", Events + "\n"), "--store", store).Code);

        var (code, output, _) = InProcessCli.Run("sources", "--store", store, "--json", "--threshold", "0.6");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var days = json.RootElement.GetProperty("days");
        Assert.Equal(2, days.GetArrayLength());
        Assert.Equal(0.5, days[0].GetProperty("event_spread").GetDouble(), 12);
        Assert.False(days[0].GetProperty("disagrees").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("disagreements").GetArrayLength());
    }
}
