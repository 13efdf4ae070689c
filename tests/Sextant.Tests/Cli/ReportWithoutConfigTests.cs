using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>
/// <c>sextant report</c> on a store with no sextant.yaml assumes no product: parts that need
/// activation or monetization events are skipped with a note naming the key to set.
/// </summary>
public sealed class ReportWithoutConfigTests : IDisposable
{
    // The store has an upgrade event, but nothing says it is the product's conversion.
    private const string Events = """
        event_id,user_id,event,timestamp
        e1,u1,signup,2026-01-01T09:00:00Z
        e2,u1,create_page,2026-01-01T09:10:00Z
        e3,u1,upgrade,2026-01-02T09:00:00Z
        e4,u2,signup,2026-01-03T09:00:00Z
        e5,u2,create_page,2026-01-03T09:05:00Z
        e6,u3,signup,2026-03-04T09:00:00Z
        """;

    private readonly TempDirectory _directory = new();

    public ReportWithoutConfigTests()
    {
        _directory.Write("events.csv", Events + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Without_a_configuration_the_report_names_the_keys_to_set_and_shows_no_upgrade_or_activation_figure()
    {
        // Given no sextant.yaml, when the report is written,
        var result = CliRunner.Run(_directory.Path, "report", "--out", "rep", "--json");

        // then it succeeds and its notes name activation.events and milestones.monetization_events,
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var warnings = string.Join('\n', root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("the lifecycle funnel is skipped: set activation.events", warnings, StringComparison.Ordinal);
        Assert.Contains("paths show no conversion: set milestones.monetization_events", warnings, StringComparison.Ordinal);
        Assert.Contains("the product funnel is skipped", warnings, StringComparison.Ordinal);

        // and neither the executive report nor the executive, funnel and paths dashboards show an upgrade or activation figure.
        var text = File.ReadAllText(root.GetProperty("executive_report")[0].GetString()!);
        var dashboards = Path.GetDirectoryName(root.GetProperty("dashboards")[0].GetString()!)!;
        var funnel = File.ReadAllText(Path.Combine(dashboards, "funnel.html"));
        var paths = File.ReadAllText(Path.Combine(dashboards, "paths.html"));
        Assert.DoesNotContain("upgrade", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Activation rate", text, StringComparison.Ordinal);
        Assert.DoesNotContain("upgrade", funnel, StringComparison.Ordinal);
        Assert.DoesNotContain("Activation", funnel, StringComparison.Ordinal);
        Assert.DoesNotContain("Sessions followed by", paths, StringComparison.Ordinal);
        Assert.DoesNotContain("Activation", File.ReadAllText(Path.Combine(dashboards, "executive.html")), StringComparison.Ordinal);
        Assert.Contains("the lifecycle funnel is skipped: set activation.events", text, StringComparison.Ordinal);
    }
}
