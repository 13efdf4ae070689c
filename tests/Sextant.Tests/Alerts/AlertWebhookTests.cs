using System.Text.Json;
using Sextant.Analysis.Alerts;
using Sextant.Events;

namespace Sextant.Tests.Alerts;

public sealed class AlertWebhookTests
{
    private static readonly AlertsResult Fired = new(new Timestamp(1_750_000_000_000_000), "UTC",
        [new AlertSeriesResult("events", "default", 4, "both", 20, new DateOnly(2025, 6, 14), 7, 0, 1, "7 days judged", [])],
        [new Alert(new DateOnly(2025, 6, 10), "events", 2733, 879, 213, 8.7, AlertDirection.Spike, "default", 4)]);

    [Fact]
    public async Task The_alerts_are_posted_once_as_json_to_the_receiver()
    {
        using var receiver = new LoopbackReceiver();

        var delivery = await AlertWebhook.PostAsync(new Uri(receiver.Url), Fired);

        Assert.Equal(new AlertDelivery(true, 1, null), delivery);
        var (method, contentType, body) = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "application/json; charset=utf-8"), (method, contentType));
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("sextant", root.GetProperty("source").GetString());
        Assert.Equal(1, root.GetProperty("series_judged").GetInt32());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("2025-06-10", "events", "spike", 8.7), (alert.GetProperty("day").GetString(), alert.GetProperty("metric").GetString(),
            alert.GetProperty("direction").GetString(), alert.GetProperty("z").GetDouble()));
        Assert.Equal(["source", "data_end", "time_zone", "series_judged", "alerts"], root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_failing_receiver_is_tried_twice_and_the_error_names_only_its_host()
    {
        using var receiver = new LoopbackReceiver(status: 500);

        var delivery = await AlertWebhook.PostAsync(new Uri(receiver.Url), Fired, retryDelay: TimeSpan.Zero);

        Assert.False(delivery.Delivered);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.StartsWith($"the alert webhook at {new Uri(receiver.Url).GetLeftPart(UriPartial.Authority)} was not delivered after 2 attempts: HTTP 500", delivery.Error);
        Assert.DoesNotContain("secret-token", delivery.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out_on_each_attempt()
    {
        using var receiver = new LoopbackReceiver(silent: true);

        var delivery = await AlertWebhook.PostAsync(new Uri(receiver.Url), Fired, timeout: TimeSpan.FromMilliseconds(300), retryDelay: TimeSpan.Zero);

        Assert.False(delivery.Delivered);
        Assert.EndsWith("no answer within 0.3 s", delivery.Error, StringComparison.Ordinal);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Nothing_listening_is_a_failed_delivery_not_an_exception()
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackReceiver.FreePort()}/hook");

        var delivery = await AlertWebhook.PostAsync(url, Fired, retryDelay: TimeSpan.Zero);

        Assert.Equal(2, delivery.Attempts);
        Assert.False(delivery.Delivered);
        Assert.DoesNotContain('\n', delivery.Error!);
    }
}
