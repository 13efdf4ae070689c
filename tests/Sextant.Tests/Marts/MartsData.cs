using Sextant.Application;
using Sextant.Application.Requests;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Marts;

/// <summary>
/// A tiny store whose marts are worked out on paper (UTC; the data end is 2024-03-20 12:00, so the last complete day is
/// Mar 19 and March is partial):
/// <list type="bullet">
/// <item><description>a signs up Jan 10 (signup, create_page); edit_page Jan 15; create_page Feb 5; search Mar 3.</description></item>
/// <item><description>b signs up Jan 20 (signup), searched Jan 5 before signing up; create_page Feb 25, edit_page Feb 26.</description></item>
/// <item><description>c signs up Feb 3 (signup); create_page Feb 4, edit_page Feb 6.</description></item>
/// <item><description>d signs up Mar 5 (signup); create_page Mar 20 (the data end).</description></item>
/// <item><description>a visitor who never signs up does create_page and edit_page in January.</description></item>
/// </list>
/// Cohorts: 2024-01 = {a, b}, 2024-02 = {c}, 2024-03 = {d}. Features: create_page, edit_page, search.
/// </summary>
internal static class MartsData
{
    public const string Yaml = """
        features: [create_page, edit_page, search]
        health:
          expansion: {plans: [Starter]}
        cohorts:
          - {name: january, signed_up_from: 2024-01-01, signed_up_to: 2024-02-01}
          - {name: february, signed_up_from: 2024-02-01, signed_up_to: 2024-03-01}
        funnels:
          - {name: onboarding, steps: [signup, create_page, edit_page], window: 7d}
        """;

    public static SextantConfig Config { get; } = ConfigLoader.Parse(Yaml, "sextant.yaml");

    public static EventRecord[] Events() =>
    [
        At("a", "signup", "2024-01-10T09:00:00Z"), At("a", "create_page", "2024-01-10T10:00:00Z"), At("a", "edit_page", "2024-01-15T10:00:00Z"),
        At("a", "create_page", "2024-02-05T10:00:00Z"), At("a", "search", "2024-03-03T10:00:00Z"),
        At("b", "search", "2024-01-05T10:00:00Z"), At("b", "signup", "2024-01-20T09:00:00Z"), At("b", "create_page", "2024-02-25T10:00:00Z"),
        At("b", "edit_page", "2024-02-26T10:00:00Z"),
        At("c", "signup", "2024-02-03T09:00:00Z"), At("c", "create_page", "2024-02-04T10:00:00Z"), At("c", "edit_page", "2024-02-06T10:00:00Z"),
        At("d", "signup", "2024-03-05T09:00:00Z"), At("d", "create_page", "2024-03-20T12:00:00Z"),
        At(null, "create_page", "2024-01-11T10:00:00Z", anonymous: "visitor"), At(null, "edit_page", "2024-01-12T10:00:00Z", anonymous: "visitor"),
    ];

    public static UserProfile[] Users() =>
        [User("a", "2024-01-10T09:00:00Z"), User("b", "2024-01-20T09:00:00Z"), User("c", "2024-02-03T09:00:00Z"), User("d", "2024-03-05T09:00:00Z")];

    public static EventTable Table() => Load(null, Users(), [], Events());

    /// <summary>Writes the events and profiles into a new store at <paramref name="path"/>, and sextant.yaml beside it; returns the config's path.</summary>
    public static string Store(string path)
    {
        Write(path, Events());
        using (var store = SqliteStore.Open(path, create: false))
        {
            var writer = new SqliteProfileWriter(store.Connection, new StoreDictionaries(store.Connection));
            using var transaction = store.Connection.BeginTransaction();
            foreach (var user in Users()) writer.WriteUser(user, transaction);
            transaction.Commit();
        }
        var config = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "sextant.yaml");
        File.WriteAllText(config, Yaml);
        return config;
    }

    public static Project Project() => Application.Project.Over(Table(), Config);

    /// <summary>Request parameters as the command line gives them.</summary>
    public static RequestParameters Parameters(params (string Name, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, IReadOnlyList<string>>(v.Name, [v.Value])), optionStyle: true);
}
