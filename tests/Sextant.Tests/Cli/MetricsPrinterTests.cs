using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>The terminal view of <c>sextant metrics</c>, through the real executable.</summary>
public sealed class MetricsPrinterTests : IDisposable
{
    // fast and fast2 activate within hours (fast returns in February), slow after three days
    // (returns), none never activates and does not return in February: month-1 retention is
    // fast 1 of 2, slow 1 of 1, never activated 0 of 1.
    private const string Events = """
        event_id,user_id,event,timestamp
        e1,fast,create_page,2026-01-05T01:00:00Z
        e2,fast,edit_page,2026-01-05T02:00:00Z
        e3,fast,view_page,2026-02-03T00:00:00Z
        e4,fast2,create_page,2026-01-06T00:30:00Z
        e5,fast2,edit_page,2026-01-06T01:00:00Z
        e6,slow,create_page,2026-01-05T01:00:00Z
        e7,slow,edit_page,2026-01-08T00:00:00Z
        e8,slow,view_page,2026-02-10T00:00:00Z
        e9,none,view_page,2026-01-05T00:10:00Z
        e10,none,view_page,2026-03-02T00:00:00Z
        """;

    private readonly TempDirectory _directory = new();

    public MetricsPrinterTests()
    {
        _directory.Write("events.csv", Events + "\n");
        _directory.Write("sextant.yaml", "activation:\n  events: [create_page, edit_page]\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Metrics_compares_fast_with_slow_activators_and_shows_the_never_activated_apart()
    {
        // When the metrics are printed
        var result = CliRunner.Run(_directory.Path, "metrics");

        // Then the ratio is fast over slow (0.5 / 1.0), not fast over everyone else (0.5 / 0.5)
        Assert.Equal(0, result.ExitCode);
        var output = string.Join(" ", result.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fast vs slow activators (association) 0.50×", output, StringComparison.Ordinal);
        Assert.Contains("fast activators (< 24 h) 50.0% of 2 vs slow activators 100.0% of 1", output, StringComparison.Ordinal);
        Assert.Contains("never activated (apart) not activated 0.0% of 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("vs the rest", output, StringComparison.Ordinal);
    }
}
