using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Analysis.Paths;

/// <summary>--from, --to and --breakdown of <c>sextant paths</c> and <c>sextant health</c> through the real executable.</summary>
public sealed class PathsHealthCommandScopeTests : IDisposable
{
    private const string Events = """
        event_id,user_id,event,timestamp,platform
        e1,u1,signup,2026-01-01T09:00:00Z,web
        e2,u1,create_page,2026-01-01T09:10:00Z,web
        e3,u1,edit_page,2026-01-02T09:00:01Z,ios
        e4,u2,signup,2026-01-03T09:00:00Z,web
        e5,u2,create_page,2026-01-03T09:05:00Z,web
        e6,u2,edit_page,2026-01-03T09:30:00Z,web
        e7,u3,signup,2026-01-20T09:00:00Z,web
        """;

    private readonly TempDirectory _directory = new();

    public PathsHealthCommandScopeTests()
    {
        _directory.Write("events.csv", Events + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Paths_from_a_day_leave_out_the_earlier_events()
    {
        var result = CliRunner.Run(_directory.Path, "paths", "--session-gap", "0", "--from", "2026-01-03", "--json");

        // u1's events (Jan 1–2) are before the range: u2's whole path and u3's sign-up remain.
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(2, root.GetProperty("sequences_with_path").GetInt64());
        Assert.Equal(["signup", "signup>create_page>edit_page"],
            root.GetProperty("paths").EnumerateArray().Select(p => string.Join(">", p.GetProperty("steps").EnumerateArray().Select(s => s.GetString()))));
    }

    [Fact]
    public void Health_to_a_day_with_an_event_breakdown_scores_only_users_active_by_then()
    {
        var result = CliRunner.Run(_directory.Path, "health", "--to", "2026-01-02", "--breakdown", "event.platform", "--json");

        // Data end: the end of Jan 2, when only u1 had been active; u1's first platform is web.
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("2026-01-02", 1L), (root.GetProperty("data_end_day").GetString(), root.GetProperty("users").GetInt64()));
        var group = Assert.Single(root.GetProperty("groups").EnumerateArray());
        Assert.Equal(("web", 1L), (group.GetProperty("value").GetString(), group.GetProperty("users").GetInt64()));
        Assert.Equal(["web"], group.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }
}
