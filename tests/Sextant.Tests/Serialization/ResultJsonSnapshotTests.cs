using System.Text.RegularExpressions;
using Sextant.Serialization;
using Sextant.Tests.Support;

namespace Sextant.Tests.Serialization;

/// <summary>
/// The JSON of each result type against a stored snapshot, so that a renamed or removed field (a
/// breaking change of the contract in docs/JSON.md) cannot pass unnoticed, and a test that the
/// document names every result type. Set SEXTANT_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after
/// an intended, additive change.
/// </summary>
public sealed partial class ResultJsonSnapshotTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string SnapshotDirectory = Path.Combine(RepositoryRoot, "tests", "Sextant.Tests", "Serialization", "Snapshots");

    /// <summary>Public result types that are not named *Result but are documented results all the same.</summary>
    private static readonly string[] OtherResultTypes = ["StoreInfo", "CheckReport", "ChannelCredit"];

    public static TheoryData<string> Names() => new(ResultSamples.All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Result_json_matches_its_snapshot(string name) =>
        AssertSnapshot(name, ResultJson.Serialize(ResultSamples.All[name]));

    [Fact]
    public void Sample_size_json_matches_its_snapshot()
    {
        using var directory = new TempDirectory();
        var run = CliRunner.Run(directory.Path, "power", "--baseline", "0.1", "--mde", "0.02", "--json");

        Assert.Equal(0, run.ExitCode);
        AssertSnapshot("PowerSampleSize", run.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Detectable_effect_json_matches_its_snapshot()
    {
        using var directory = new TempDirectory();
        var run = CliRunner.Run(directory.Path, "power", "--baseline", "0.1", "--users", "3841", "--json");

        Assert.Equal(0, run.ExitCode);
        AssertSnapshot("PowerDetectableEffect", run.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Every_public_result_type_has_a_section_in_the_json_document()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "JSON.md"));
        var headings = Heading().Matches(document).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        // Sextant.Stats holds the statistical building blocks (Welch, Fisher, …); their figures reach
        // JSON only inside the analyses' results, which are documented field by field.
        var results = typeof(SextantException).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "Sextant.Stats")
            .Where(t => t.Name.EndsWith("Result", StringComparison.Ordinal) || OtherResultTypes.Contains(t.Name))
            .Select(t => t.Name)
            .ToArray();

        Assert.Contains("FunnelResult", results);
        var missing = results.Where(name => !headings.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, "docs/JSON.md has no section for " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_snapshot_is_of_a_sample_still_written()
    {
        var expected = ResultSamples.All.Keys.Concat(["PowerSampleSize", "PowerDetectableEffect"]).Order(StringComparer.Ordinal);
        var stored = Directory.GetFiles(SnapshotDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(expected, stored);
    }

    private static void AssertSnapshot(string name, string json)
    {
        var path = Path.Combine(SnapshotDirectory, name + ".json");
        if (Environment.GetEnvironmentVariable("SEXTANT_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(SnapshotDirectory);
            File.WriteAllText(path, json + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {path}: run the tests with SEXTANT_UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(path);
        if (expected == json + "\n") return;
        File.WriteAllText(path + ".received", json + "\n");
        Assert.Fail($"{name}.json differs from its snapshot; the new JSON is in {path}.received");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A level-3 heading naming one type: "### FunnelResult".</summary>
    [GeneratedRegex(@"^### (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
