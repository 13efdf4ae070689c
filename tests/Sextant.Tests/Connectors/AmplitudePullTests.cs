using System.Text;
using Sextant.Connectors.Mock;

namespace Sextant.Tests.Connectors;

/// <summary>
/// Amplitude's export as the transport sees it: the items of each archive are counted (the
/// store-side reading of Amplitude rows is the format's own tests').
/// </summary>
public sealed class AmplitudePullTests : IDisposable
{
    private static readonly DateOnly March1 = new(2024, 3, 1);

    private readonly PullHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Line(string insertId, string time) =>
        $"{{\"$insert_id\":\"{insertId}\",\"event_type\":\"Page Viewed\",\"event_time\":\"{time}\",\"device_id\":\"d1\",\"user_id\":null,\"event_properties\":{{}}}}\n";

    /// <summary>Hour 9 holds three events, hour 14 two.</summary>
    private static byte[] Archive() => MockVendorServer.Zip(
    [
        ("1/1_2024-03-01_9#0.json.gz", MockVendorServer.Gzip(Encoding.UTF8.GetBytes(Line("a", "2024-03-01 09:00:01.000000") + Line("b", "2024-03-01 09:10:00.000000") + Line("c", "2024-03-01 09:59:59.000000")))),
        ("1/1_2024-03-01_14#0.json.gz", MockVendorServer.Gzip(Encoding.UTF8.GetBytes(Line("d", "2024-03-01 14:00:00.000000") + Line("e", "2024-03-01 14:30:00.000000")))),
    ]);

    private static LoopbackResponse Zip(byte[] archive) => new(200, archive, new Dictionary<string, string> { ["Content-Type"] = "application/zip" });

    [Fact]
    public void A_day_is_one_archive_of_hourly_files_read_from_a_spooled_file()
    {
        var requests = new List<LoopbackRequest>();
        using var server = new LoopbackHttpServer(request =>
        {
            lock (requests) requests.Add(request);
            return Zip(Archive());
        });

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl, "api-key", "secret-key"), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Days[0].Read);
        var request = Assert.Single(requests);
        Assert.Equal("/api/2/export", request.Path);
        Assert.Equal("20240301T00", request.Parameter("start"));
        Assert.Equal("20240301T23", request.Parameter("end"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api-key:secret-key")), request.Header("Authorization"));
        Assert.Empty(_harness.TemporaryFiles());
    }

    [Fact]
    public void A_404_is_a_day_without_data()
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(404, "Raw data files were not found."));

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(0, result.Days[0].Read);
        Assert.Equal("saved", result.Days[0].Checkpoint);
    }

    [Fact]
    public void A_day_over_the_size_limit_is_asked_for_hour_by_hour()
    {
        var hours = new List<string>();
        using var server = new LoopbackHttpServer(request =>
        {
            var start = request.Parameter("start")!;
            if (start != request.Parameter("end")) return LoopbackResponse.Text(400, "Export exceeds 4GB");
            lock (hours) hours.Add(start);
            // Hour 9 has its three events; every other hour is empty.
            return start == "20240301T09"
                ? Zip(MockVendorServer.Zip([("1/1_2024-03-01_9#0.json.gz", MockVendorServer.Gzip(Encoding.UTF8.GetBytes(Line("a", "2024-03-01 09:00:01.000000") + Line("b", "2024-03-01 09:10:00.000000") + Line("c", "2024-03-01 09:59:59.000000"))))]))
                : LoopbackResponse.Text(404, "Raw data files were not found.");
        });

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(3, result.Days[0].Read);
        Assert.Equal(24, hours.Count);
        Assert.Equal("20240301T00", hours.Min());
        Assert.Equal("20240301T23", hours.Max());
        Assert.Equal(25, server.Requests);
    }

    [Fact]
    public void An_hour_still_over_the_limit_is_an_error_naming_it()
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(400, "Export exceeds 4GB"));

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.Equal("amplitude: the export of 20240301T00 is over Amplitude's 4 GB limit even for one hour (HTTP 400); use Amplitude's Amazon S3 export for it", result.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_archive_cut_short_is_pulled_again(bool sendLength)
    {
        var archive = Archive();
        var calls = 0;
        using var server = new LoopbackHttpServer(_ =>
            Interlocked.Increment(ref calls) == 1 ? Zip(archive) with { SendBytes = archive.Length / 2, SendLength = sendLength } : Zip(archive));

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(1, result.Days[0].Retries);
        Assert.Equal(5, result.Days[0].Read);
        Assert.Empty(_harness.TemporaryFiles());
    }

    [Fact]
    public void A_gzip_entry_that_ends_early_fails_the_day_rather_than_losing_rows()
    {
        var whole = MockVendorServer.Gzip(Encoding.UTF8.GetBytes(Line("a", "2024-03-01 09:00:01.000000") + Line("b", "2024-03-01 09:10:00.000000")));
        var broken = MockVendorServer.Zip([("1/1_2024-03-01_9#0.json.gz", whole[..(whole.Length - 10)])]);
        using var server = new LoopbackHttpServer(_ => Zip(broken));

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.StartsWith("amplitude 2024-03-01: the answer broke off, after 4 attempts (", result.Error, StringComparison.Ordinal);
        Assert.Empty(_harness.TemporaryFiles());
    }

    [Fact]
    public void Refused_credentials_name_the_variables()
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(401, "Invalid API key"));

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.Equal("amplitude: the credentials were refused (HTTP 401); check the amplitude test variables", result.Error);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void The_mock_serves_every_generated_event_of_the_day()
    {
        var journeys = new MockJourneys(7);
        var mock = new MockVendorServer(journeys, Sextant.Connectors.ConnectorSettings.Basic("key", "secret"));
        using var server = new LoopbackHttpServer(mock.Answer);

        var result = _harness.Count(PullHarness.Settings("amplitude", server.BaseUrl), March1, March1);

        Assert.Equal(journeys.EventsOn(March1).Count, result.Days[0].Read);
    }
}
