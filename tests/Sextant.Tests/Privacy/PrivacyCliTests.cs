using System.Text.Json;
using Sextant.Storage.Snapshot;
using Sextant.Tests.Support;

namespace Sextant.Tests.Privacy;

public sealed class PrivacyCliTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Store => _directory.File("sextant.db");

    private void IngestFixture()
    {
        var files = new[]
        {
            _directory.Write("events.csv", ForgetFixture.Events + "\n"),
            _directory.Write("users.csv", ForgetFixture.Users),
            _directory.Write("subscriptions.csv", ForgetFixture.Subscriptions),
            _directory.Write("assignments.csv", ForgetFixture.Assignments),
        };
        foreach (var file in files) Assert.Equal(0, InProcessCli.Run("ingest", file, "--store", Store, "--json").Code);
    }

    [Fact]
    public void Forget_erases_rewrites_the_snapshot_and_check_passes_after_it()
    {
        IngestFixture();

        var (code, output, _) = InProcessCli.Run("forget", "alice", "--by", "ticket-42", "--store", Store, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var erased = json.RootElement.GetProperty("erased");
        Assert.Equal((3, 1, 1), (erased.GetProperty("events").GetInt32(), erased.GetProperty("profiles").GetInt32(), erased.GetProperty("anonymous_ids").GetInt32()));
        Assert.Equal(4, json.RootElement.GetProperty("table_snapshot").GetProperty("events").GetInt32());
        Assert.True(File.Exists(TableSnapshot.PathFor(Store)));
        var check = InProcessCli.Run("check", "--store", Store, "--json");
        Assert.Equal(0, check.Code);
        var info = InProcessCli.Run("info", "--store", Store, "--json");
        Assert.DoesNotContain("alice", info.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_exits_2_with_one_line_naming_it()
    {
        IngestFixture();
        var before = File.ReadAllBytes(Store);

        var (code, _, error) = InProcessCli.Run("forget", "zed", "--store", Store);

        Assert.Equal(2, code);
        Assert.Contains("unknown user id 'zed'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(before, File.ReadAllBytes(Store));
    }

    [Fact]
    public void Pseudonymising_without_a_key_is_a_one_line_error()
    {
        var events = _directory.Write("events.csv", ForgetFixture.Events + "\n");
        Environment.SetEnvironmentVariable("SEXTANT_PSEUDONYM_KEY", null);

        var (code, _, error) = InProcessCli.Run("ingest", events, "--pseudonymise", "--store", Store);

        Assert.Equal(2, code);
        Assert.StartsWith("sextant: pseudonymisation needs a key", error.Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }

    [Fact]
    public void Ingest_with_scrub_pii_reports_the_replacements_in_its_json()
    {
        var events = _directory.Write("events.jsonl", """
            {"user_id":"u1","event":"view","timestamp":"2026-01-01T10:00:00Z","properties":{"email":"a@b.io","server":"10.0.0.1","ip":"10.0.0.2"}}
            """);

        var (code, output, _) = InProcessCli.Run("ingest", events, "--scrub-pii", "--allow-pii", "server", "--store", Store, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var scrubbed = json.RootElement.GetProperty("scrubbed");
        Assert.Equal((1, 1, 0), (scrubbed.GetProperty("emails").GetInt32(), scrubbed.GetProperty("ip_addresses").GetInt32(), scrubbed.GetProperty("phone_numbers").GetInt32()));
    }
}
