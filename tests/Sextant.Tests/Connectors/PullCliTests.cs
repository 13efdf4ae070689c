using System.Diagnostics;
using System.Text.Json;
using Sextant.Connectors.Mock;
using Sextant.Tests.Support;

namespace Sextant.Tests.Connectors;

/// <summary><c>sextant pull</c> as a user runs it: the mock on a fresh machine, then a report on the store it filled.</summary>
public sealed class PullCliTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Runs the command with no SEXTANT_ credentials in its environment, whatever the machine has.</summary>
    private CliRunner.CliResult Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs the command with only the given SEXTANT_ variable set.</summary>
    private CliRunner.CliResult RunWith((string Name, string Value)? variable, params string[] args)
    {
        var info = CliRunner.StartInfo(_directory.Path, args);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("SEXTANT_", StringComparison.Ordinal)).ToList()) info.Environment.Remove(name);
        if (variable is { } set) info.Environment[set.Name] = set.Value;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sextant {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new CliRunner.CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_mock_pull_fills_a_store_that_a_report_reads_and_a_second_pull_skips_its_days()
    {
        var journeys = new MockJourneys(MockJourneys.DefaultSeed);
        var expected = Enumerable.Range(0, 7).Sum(i => journeys.EventsOn(new DateOnly(2024, 3, 1).AddDays(i)).Count);

        var pull = Run("pull", "amplitude", "--mock", "--from", "2024-03-01", "--to", "2024-03-07", "--store", "s.db", "--json");

        Assert.True(pull.ExitCode == 0, pull.Stderr);
        using (var json = JsonDocument.Parse(pull.Stdout))
        {
            var root = json.RootElement;
            Assert.Equal(0, root.GetProperty("quarantined").GetInt64());
            Assert.Equal(root.GetProperty("read").GetInt64(), root.GetProperty("inserted").GetInt64() + root.GetProperty("duplicates").GetInt64());
            Assert.Equal(7, root.GetProperty("days").GetArrayLength());
            Assert.All(root.GetProperty("days").EnumerateArray(), d => Assert.Equal("saved", d.GetProperty("checkpoint").GetString()));
        }
        Assert.True(File.Exists(_directory.File("s.db.pull-checkpoints.json")));
        var info = Run("info", "--store", "s.db", "--json");
        using (var json = JsonDocument.Parse(info.Stdout))
        {
            Assert.Equal(expected, json.RootElement.GetProperty("events").GetInt64());
            Assert.True(json.RootElement.GetProperty("identified_users").GetInt64() > 0);
            Assert.True(json.RootElement.GetProperty("visitors").GetInt64() > 0);
        }

        var report = Run("report", "--store", "s.db", "--out", "rep", "--json");
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.True(File.Exists(_directory.File(Path.Combine("rep", "dashboards", "index.html"))));

        var again = Run("pull", "amplitude", "--mock", "--from", "2024-03-01", "--to", "2024-03-08", "--store", "s.db", "--json");
        Assert.True(again.ExitCode == 0, again.Stderr);
        using (var json = JsonDocument.Parse(again.Stdout))
        {
            var days = json.RootElement.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("checkpoint").GetString()).ToList();
            Assert.Equal([.. Enumerable.Repeat("skipped", 7), "saved"], days);
        }
    }

    [Fact]
    public void A_missing_credential_is_one_line_naming_the_variable()
    {
        var result = Run("pull", "amplitude", "--from", "2024-03-01", "--to", "2024-03-01", "--store", "s.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("sextant: amplitude: SEXTANT_AMPLITUDE_API_KEY is not set (the project's API key)", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("2024-3-1", "2024-03-02", "sextant: --from '2024-3-1' is not a date (expected yyyy-MM-dd, e.g. 2024-03-01)")]
    [InlineData("2024-03-02", "2024-03-01", "sextant: --to 2024-03-01 is before --from 2024-03-02")]
    public void Bad_dates_are_one_line_errors(string from, string to, string expected)
    {
        var result = InProcessCli.Run("pull", "mixpanel", "--mock", "--from", from, "--to", to, "--store", _directory.File("s.db"));

        Assert.Equal(2, result.Code);
        Assert.Equal(expected, result.Error.Trim());
    }

    [Fact]
    public void Pulled_ids_are_pseudonymised_like_ingested_ones()
    {
        var pull = RunWith(("SEXTANT_PSEUDONYM_KEY", new string('k', 32)),
            "pull", "mixpanel", "--mock", "--from", "2024-03-01", "--to", "2024-03-01", "--store", "s.db", "--pseudonymise");

        Assert.True(pull.ExitCode == 0, pull.Stderr);
        using var store = Sextant.Storage.Sqlite.SqliteStore.OpenReadOnly(_directory.File("s.db"));
        var users = store.ReadUserIds();
        Assert.NotEmpty(users);
        Assert.All(users, id => Assert.Matches("^p-[0-9a-f]{32}$", id));
        Assert.All(store.ReadLinks(), link => Assert.StartsWith("p-", link.AnonymousId, StringComparison.Ordinal));
    }

    [Fact]
    public void Pseudonymising_a_pull_without_a_key_is_a_one_line_error()
    {
        var pull = Run("pull", "mixpanel", "--mock", "--from", "2024-03-01", "--to", "2024-03-01", "--store", "s.db", "--pseudonymise");

        Assert.Equal(2, pull.ExitCode);
        Assert.Single(pull.Stderr.Trim().Split('\n'));
        Assert.Contains("SEXTANT_PSEUDONYM_KEY", pull.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("s.db")));
    }
}
