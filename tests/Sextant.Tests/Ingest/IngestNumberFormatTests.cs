using System.Text.Json;
using Sextant.Configuration;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

public sealed class IngestNumberFormatTests
{
    private const string Header = "event_id,user_id,event,timestamp,revenue\n";

    private static string[] Reasons(StoreFixture fixture) =>
        fixture.QuarantineLines().Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToArray();

    [Fact]
    public void Given_no_declared_separators_when_revenue_has_a_comma_or_a_trailing_sign_then_the_row_is_quarantined()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header
            + "e1,u1,purchase,2024-01-01T00:00:00Z,\"12,50\"\n"
            + "e2,u1,purchase,2024-01-01T00:00:00Z,\"1,2,3\"\n"
            + "e3,u1,purchase,2024-01-01T00:00:00Z,12-\n"
            + "e4,u1,purchase,2024-01-01T00:00:00Z,12.50\n");

        Assert.Equal((4L, 1L, 3L), (result.Read, result.Inserted, result.Quarantined));
        Assert.StartsWith("revenue '12,50' is not a number (expected e.g. 1234.50, without thousands separators; declare other formats with --decimal-comma or --thousands-separator)", Reasons(fixture)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_decimal_comma_and_a_dot_for_thousands_when_mrr_is_written_so_then_it_is_stored_as_its_value()
    {
        using var fixture = new StoreFixture();
        var options = new IngestOptions { DecimalComma = true, ThousandsSeparator = "." };

        var result = fixture.Ingest("subscriptions.csv",
            "subscription_id,user_id,plan,status,start_at,mrr\ns1,u1,team,active,2024-01-01,\"1.234,50\"\ns2,u2,team,active,2024-01-01,\"1,2,3\"\n", options);

        Assert.Equal((1L, 1L), (result.Inserted, result.Quarantined));
        Assert.Equal(1, fixture.Count("SELECT COUNT(*) FROM subscriptions WHERE CAST(mrr AS REAL) = 1234.5"));
    }

    [Fact]
    public void Given_a_decimal_comma_when_revenue_is_a_json_number_then_it_is_read_as_json()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.jsonl", """{"user_id":"u1","event":"purchase","timestamp":"2024-01-01T00:00:00Z","revenue":12.5}""" + "\n",
            new IngestOptions { DecimalComma = true });

        Assert.Equal(1, result.Inserted);
    }

    [Fact]
    public void The_separators_can_be_declared_in_sextant_yaml()
    {
        var config = ConfigLoader.Parse("ingest:\n  decimal_comma: true\n  thousands_separator: space\n", "sextant.yaml");

        Assert.True(config.Ingest.DecimalComma);
        Assert.Equal("space", config.Ingest.ThousandsSeparator);
    }

    [Fact]
    public void An_unknown_thousands_separator_in_sextant_yaml_is_an_error_naming_the_choices()
    {
        var error = Assert.Throws<SextantException>(() => ConfigLoader.Parse("ingest:\n  thousands_separator: x\n", "sextant.yaml"));

        Assert.StartsWith("sextant.yaml line 2: 'ingest.thousands_separator' expects one of , | . | ' | _ | space", error.Message, StringComparison.Ordinal);
    }
}
