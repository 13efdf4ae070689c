using Sextant.Ingest;
using Sextant.Privacy;
using Sextant.Tests.Support;

namespace Sextant.Tests.Privacy;

public sealed class PseudonymisingIngestTests
{
    private static IngestOptions Options(IngestOptions? options = null) =>
        (options ?? new IngestOptions()) with { Privacy = new PrivacySettings { Pseudonymiser = PseudonymiserTests.Create() } };

    [Fact]
    public void Stored_ids_are_pseudonyms_and_the_same_id_in_two_files_gets_the_same_one()
    {
        using var fixture = new StoreFixture();
        var first = fixture.Directory.Write("a.csv", "user_id,anonymous_id,event,timestamp\n,anon-1,view,2026-01-01T10:00:00Z\nalice,anon-1,signup,2026-01-01T11:00:00Z\n");
        var second = fixture.Directory.Write("b.csv", "user_id,event,timestamp\nalice,purchase,2026-01-02T10:00:00Z\nbob,view,2026-01-02T11:00:00Z\n");

        var result = fixture.IngestFiles([first, second], Options());

        Assert.Equal(4L, result.Inserted);
        var table = fixture.Load();
        // alice's three events (the anonymous view linked through anon-1) and bob's one.
        Assert.Equal(2, table.UserCount);
        Assert.Equal([PseudonymiserTests.Alice, PseudonymiserTests.Bob], table.UserKeys.Order(StringComparer.Ordinal));
        var alice = Array.IndexOf(table.UserKeys, PseudonymiserTests.Alice);
        Assert.Equal(3, table.UserOffsets[alice + 1] - table.UserOffsets[alice]);
    }

    [Fact]
    public void Profiles_subscriptions_and_assignments_carry_the_pseudonym()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("users.csv", "user_id,plan\nalice,pro\n", Options());
        fixture.Ingest("subs.csv", "subscription_id,user_id,plan,status,start_at,mrr\ns1,alice,pro,active,2026-01-01,10\n", Options());
        fixture.Ingest("assign.csv", "experiment,user_id,variant,assigned_at\nx,alice,control,2026-01-01\n", Options());

        foreach (var table in new[] { "users", "subscriptions", "assignments" })
            Assert.Equal(1, fixture.Count($"SELECT COUNT(*) FROM {table} WHERE user_id = '{PseudonymiserTests.Alice}'"));
        Assert.Equal(0, fixture.Count("SELECT COUNT(*) FROM users WHERE user_id = 'alice'"));
    }

    [Fact]
    public void Content_ids_are_computed_on_the_pseudonyms_so_a_second_run_is_all_duplicates()
    {
        using var fixture = new StoreFixture();
        const string Csv = "user_id,event,timestamp\nalice,view,2026-01-01T10:00:00Z\n";
        fixture.Ingest("a.csv", Csv, Options());
        var again = fixture.Ingest("a.csv", Csv, Options());
        var plain = fixture.Ingest("a.csv", Csv);

        Assert.Equal((0L, 1L), (again.Inserted, again.Duplicates));
        // The same row without pseudonymisation is another event: its id hashes the raw user id.
        Assert.Equal(1L, plain.Inserted);
    }
}
