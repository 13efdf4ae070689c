using Sextant.Application;
using Sextant.Configuration;
using Sextant.Reports.Executive;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Reports;

/// <summary>The report of a store whose sextant.yaml names no product definitions skips what needs them, with a note.</summary>
public sealed class ReportWithoutProductSettingsTests
{
    [Fact]
    public void Activation_the_North_Star_and_growth_levers_say_which_key_to_set()
    {
        // Given three users who create and edit pages, as the demo product's do, and no settings,
        var table = Load(null,
            [User("a", "2026-01-01T09:00:00Z"), User("b", "2026-01-02T09:00:00Z"), User("c", "2026-01-03T09:00:00Z")], [],
            At("a", "create_page", "2026-01-01T10:00:00Z"), At("a", "edit_page", "2026-01-01T11:00:00Z"),
            At("b", "create_page", "2026-01-02T10:00:00Z"), At("c", "share_page", "2026-02-20T10:00:00Z"));

        // when the report is built,
        var text = TextRenderer.Render(ExecutiveReport.Build(ReportAnalyses.Run(table, SextantConfig.Default))).ReplaceLineEndings(" ");
        var flat = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // then nothing of the demo product is assumed: each part says which key would enable it.
        Assert.Contains("Activation: not measured, because sextant.yaml names no activation.events", flat, StringComparison.Ordinal);
        Assert.Contains("Not measured: sextant.yaml names no north_star.collaboration_events", flat, StringComparison.Ordinal);
        Assert.Contains("North Star: not measured (set north_star.collaboration_events in sextant.yaml).", flat, StringComparison.Ordinal);
        Assert.Contains("No growth levers were modelled: list them under growth.levers in sextant.yaml", flat, StringComparison.Ordinal);
    }
}
