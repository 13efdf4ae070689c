using System.Text.Json;
using Sextant.Tests.Analysis.Refresh;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

public sealed class RefreshCommandTests
{
    [Fact]
    public void Refresh_json_reports_a_full_first_run_then_an_unchanged_one()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        RefreshStores.Append(path, [RefreshStores.Event("e1", "u1", "view_page", "2025-03-01T10:00:00Z"), RefreshStores.Event("e2", "u1", "view_page", "2025-03-02T10:00:00Z")]);

        var first = InProcessCli.Run("refresh", "--store", path, "--json");
        var second = InProcessCli.Run("refresh", "--store", path, "--json");

        Assert.Equal(0, first.Code);
        using var firstJson = JsonDocument.Parse(first.Out);
        Assert.Equal("full", firstJson.RootElement.GetProperty("mode").GetString());
        Assert.Equal(2, firstJson.RootElement.GetProperty("new_events").GetInt64());
        Assert.Equal(2, firstJson.RootElement.GetProperty("days").GetProperty("total").GetInt64());
        using var secondJson = JsonDocument.Parse(second.Out);
        Assert.Equal("unchanged", secondJson.RootElement.GetProperty("mode").GetString());
        Assert.Equal(0, secondJson.RootElement.GetProperty("new_events").GetInt64());
    }

    [Fact]
    public void Refresh_on_a_warehouse_store_exits_2_with_one_line()
    {
        var (code, _, error) = InProcessCli.Run("refresh", "--store", "postgresql://user@127.0.0.1:1/none");

        Assert.Equal(2, code);
        Assert.Contains("store file", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
