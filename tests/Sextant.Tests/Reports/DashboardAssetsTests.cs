using System.Security.Cryptography;
using Sextant.Reports.Dashboards;

namespace Sextant.Tests.Reports;

/// <summary>The chart library the dashboards inline is the pinned Apache ECharts file, checked in with its licence.</summary>
public sealed class DashboardAssetsTests
{
    // SHA-256 of package/dist/echarts.min.js in the npm tarball echarts@6.1.0
    // (integrity sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==).
    private const string PinnedSha256 = "b66b25aeb4df84e33199dc21694014d336d222cbd9deb0e5a7c14bd6aa0d0fd0";

    private static string AssetsDirectory()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sextant.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        return Path.Combine(root.FullName, "src", "Sextant", "Reports", "Dashboards", "Assets");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public void The_checked_in_chart_library_is_the_pinned_echarts_release_with_its_licence()
    {
        // Given the assets directory of the checkout
        var directory = AssetsDirectory();

        // When the library file is hashed
        var hash = Sha256(File.ReadAllBytes(Path.Combine(directory, "echarts.min.js")));

        // Then it is the pinned release, and its Apache licence and notice travel with it
        Assert.Equal(PinnedSha256, hash);
        Assert.Contains("Apache License", File.ReadAllText(Path.Combine(directory, "LICENSE")), StringComparison.Ordinal);
        Assert.Contains("Apache ECharts", File.ReadAllText(Path.Combine(directory, "NOTICE")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_chart_library_is_the_pinned_file()
    {
        // Given the resource the dashboards inline
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Sextant.Reports.echarts.min.js");
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        // When it is hashed, then it is byte for byte the pinned release
        Assert.Equal(PinnedSha256, Sha256(copy.ToArray()));
    }

    [Fact]
    public void Building_the_library_runs_no_npm_step()
    {
        // Given the library's project file
        var project = File.ReadAllText(Path.Combine(AssetsDirectory(), "..", "..", "..", "Sextant.csproj"));

        // Then it neither runs npm nor reads node_modules: the .NET SDK alone builds it
        Assert.DoesNotContain("npm", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("node_modules", project, StringComparison.OrdinalIgnoreCase);
    }
}
