using System.Text;
using Sextant.Ingest.Mapping;
using Sextant.Ingest.Readers;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

public sealed class IngestDelimiterAndHeaderTests
{
    [Theory]
    [InlineData("user_id,event,timestamp", ',')]
    [InlineData("user_id;event;timestamp", ';')]
    [InlineData("user_id\tevent\ttimestamp", '\t')]
    [InlineData("user_id|event|timestamp", '|')]
    [InlineData("\"a;b\",event,timestamp", ',')]
    [InlineData("\"a,b,c,d\";event;timestamp", ';')]
    [InlineData("event", ',')]
    public void The_delimiter_is_the_one_the_header_uses_most_outside_quotes(string header, char expected)
    {
        Assert.Equal(expected, CsvDelimiter.OfHeader(Encoding.UTF8.GetBytes(header + "\nu1;x;1\n")));
    }

    [Fact]
    public void A_semicolon_file_with_decimal_commas_ingests()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", "User ID;Event Name;Event Time;Revenue\nu1;Purchase;2024-06-10 10:00:00;12,50\nu2;Purchase;2024-06-10 11:00:00;3\n",
            new Sextant.Ingest.IngestOptions { DecimalComma = true });

        Assert.Equal((2L, 2L, 0L), (result.Read, result.Inserted, result.Quarantined));
        var table = fixture.Load();
        Assert.Equal(["u1", "u2"], table.UserKeys.Take(2));
        Assert.Equal("Purchase", table.EventNames[table.EventCodes[0]]);
        using var store = Sextant.Storage.Sqlite.SqliteStore.OpenReadOnly(fixture.StorePath);
        var revenue = store.ColumnSource.ReadColumn("revenue");
        Assert.Equal(["12.50", "3"], Enumerable.Range(0, 2).Select(row => revenue[row]));
    }

    [Fact]
    public void A_pipe_file_ingests_with_its_columns_mapped()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", "userId|eventType|time\nu1|signup|1718013600\n");

        Assert.Equal((1L, 1L), (result.Read, result.Inserted));
        var table = fixture.Load();
        Assert.Equal("signup", table.EventNames[table.EventCodes[0]]);
        Assert.Equal(["u1"], table.UserKeys.Take(1));
    }

    [Theory]
    [InlineData("User ID", "user_id")]
    [InlineData("userId", "user_id")]
    [InlineData("user-id", "user_id")]
    [InlineData("  Event Time ", "event_time")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("plan_type", "plan_type")]
    [InlineData("Signup Date", "signup_date")]
    public void Headers_are_put_in_snake_case(string header, string expected)
    {
        Assert.Equal(expected, CanonicalColumns.SnakeCase(header));
    }

    [Theory]
    [InlineData("User ID", "user_id")]
    [InlineData("Anonymous ID", "anonymous_id")]
    [InlineData("Event Name", "event")]
    [InlineData("Event Time", "timestamp")]
    [InlineData("Session ID", "session_id")]
    [InlineData("Insert ID", "event_id")]
    [InlineData("Favourite Colour", null)]
    public void Spelled_out_headers_map_onto_canonical_events_columns(string header, string? expected)
    {
        Assert.Equal(expected, CanonicalColumns.AutoMap(Sextant.Events.RecordKind.Events, header));
    }
}
