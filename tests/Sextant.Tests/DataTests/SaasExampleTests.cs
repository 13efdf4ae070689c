using System.Text.Json;
using Sextant.Configuration;
using Sextant.Tests.Support;

namespace Sextant.Tests.DataTests;

/// <summary>
/// The SaaS example (examples/saas): every declared test passes on its data, and one planted
/// violation per test kind fails exactly the test written for it.
/// </summary>
public sealed class SaasExampleTests
{
    private const string AsOf = "2026-01-01";

    private static readonly string Example = Path.Combine(RepositoryRoot(), "examples", "saas");

    [Fact]
    public void Every_declared_test_of_the_example_passes_and_there_are_at_least_54()
    {
        using var directory = new TempDirectory();
        var (code, checks) = IngestAndCheck(directory, _ => { });

        var declared = DeclaredNames();
        Assert.True(declared.Count >= 54, $"{declared.Count} tests declared");
        Assert.Contains($"and {declared.Count} data tests", File.ReadAllText(Path.Combine(Example, "README.md")));
        Assert.All(declared, name => Assert.Equal("pass", checks[name].Status));
        Assert.Equal(0, code);
    }

    [Fact]
    public void The_example_declares_every_kind_of_test()
    {
        var config = ConfigLoader.Load(Path.Combine(Example, "sextant.yaml"));

        Assert.Equal(DataTestConfig.Kinds.Order(), config.Tests.Select(t => t.Test).Distinct().Order());
    }

    public static TheoryData<string, string> Plants => new()
    {
        { "not_null", "not_null_users_segment" },
        { "unique", "unique_subscriptions_user_id" },
        { "accepted_values", "accepted_values_users_segment" },
        { "relationships", "relationships_subscriptions_user_id" },
        { "accepted_range", "accepted_range_events_revenue" },
        { "expression", "trials_are_free" },
        { "row_count", "row_count_users" },
        { "freshness", "freshness_paid_subscriptions" },
        { "recency", "recency_trials" },
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public void A_planted_violation_fails_exactly_the_test_of_its_kind(string kind, string expectedFailure)
    {
        using var directory = new TempDirectory();
        var (code, checks) = IngestAndCheck(directory, files => Plant(kind, files));

        var failing = DeclaredNames().Where(name => checks[name].Status != "pass").ToList();
        Assert.Equal([expectedFailure], failing);
        Assert.Equal("fail", checks[expectedFailure].Status);
        Assert.True(checks[expectedFailure].FailingRows >= 1);
        Assert.Equal(1, code);
        var test = ConfigLoader.Load(Path.Combine(Example, "sextant.yaml")).Tests.Single(t => t.Name == expectedFailure);
        Assert.Equal(kind, test.Test);
    }

    /// <summary>Edits the copied CSV files (name → lines) to break one rule.</summary>
    private static void Plant(string kind, Dictionary<string, List<string>> files)
    {
        var users = files["user_profiles.csv"];
        var events = files["user_events.csv"];
        var subscriptions = files["subscriptions.csv"];
        switch (kind)
        {
            case "not_null":
                users[5] = SetField(users[5], 2, "");
                break;
            case "accepted_values":
                users[5] = SetField(users[5], 2, "vip");
                break;
            case "unique":
                // A second, long-ended subscription of a user who already has one.
                var subscriber = subscriptions[1].Split(',')[1];
                subscriptions.Add($"s9999,{subscriber},Starter,cancelled,2024-02-01T00:00:00Z,2024-03-01T00:00:00Z,29.00,USD");
                break;
            case "relationships":
                subscriptions.Add("s9999,u9999,Starter,cancelled,2024-02-01T00:00:00Z,2024-03-01T00:00:00Z,29.00,USD");
                break;
            case "accepted_range":
                var paid = events.FindIndex(line => line.Split(',')[2] == "paid");
                events[paid] = SetField(events[paid], 5, "5000.00");
                break;
            case "expression":
                var trial = subscriptions.FindIndex(line => line.Split(',')[3] == "trial");
                subscriptions[trial] = SetField(subscriptions[trial], 6, "5.00");
                break;
            case "row_count":
                users.Add("u2001,2024-06-01T10:00:00Z,individual,organic,Free,US,web,w9999,2024-06-01T09:00:00Z,none");
                break;
            case "freshness":
                // Paid subscriptions stop arriving three and a half weeks before the data end.
                subscriptions.RemoveAll(line => line.Split(',') is var f && f[3] != "trial" && string.CompareOrdinal(f[4], "2025-12-08") >= 0 && f[0] != "subscription_id");
                break;
            case "recency":
                subscriptions.RemoveAll(line => line.Split(',')[3] == "trial");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no plant for this kind");
        }
    }

    private static string SetField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    private static (int Code, Dictionary<string, (string Status, long FailingRows)> Checks) IngestAndCheck(TempDirectory directory, Action<Dictionary<string, List<string>>> plant)
    {
        var names = new[] { "user_profiles.csv", "user_events.csv", "subscriptions.csv" };
        var files = names.ToDictionary(name => name, name => File.ReadAllLines(Path.Combine(Example, name)).ToList());
        plant(files);
        foreach (var (name, lines) in files) File.WriteAllLines(directory.File(name), lines);
        var config = Path.Combine(Example, "sextant.yaml");
        var store = directory.File("saas.db");
        var ingest = InProcessCli.Run(["ingest", "--config", config, "--store", store, .. names.Select(directory.File)]);
        Assert.True(ingest.Code == 0, ingest.Error);
        var check = InProcessCli.Run("check", "--config", config, "--store", store, "--as-of", AsOf, "--failures", directory.File("failures"), "--json");
        Assert.True(check.Code is 0 or 1, check.Error);
        var checks = JsonDocument.Parse(check.Out).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (c.GetProperty("status").GetString()!, c.GetProperty("failing_rows").GetInt64()));
        return (check.Code, checks);
    }

    private static List<string> DeclaredNames() =>
        [.. ConfigLoader.Load(Path.Combine(Example, "sextant.yaml")).Tests.Select(t => t.Name)];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }
}
